import type { AnchorHTMLAttributes } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

// Fluent's link colours on a plain anchor: Fluent's Link weighs more in the JavaScript the pane
// loads first than a link is worth.
const useStyles = makeStyles({
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'none',
    ':hover': { color: tokens.colorBrandForegroundLinkHover, textDecorationLine: 'underline' },
    ':active': { color: tokens.colorBrandForegroundLinkPressed },
    ':focus-visible': { outlineStyle: 'solid', outlineWidth: tokens.strokeWidthThick, outlineColor: tokens.colorStrokeFocus2, textDecorationLine: 'underline' },
  },
});

/**
 * A link in the theme's link colours, underlined on hover and on keyboard focus.
 *
 * @example
 *   <TextLink href={HELP_PAGE} target="_blank" rel="noopener noreferrer">Help</TextLink>
 */
export function TextLink({ className, ...props }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  const styles = useStyles();
  return <a className={mergeClasses(styles.link, className)} {...props} />;
}
