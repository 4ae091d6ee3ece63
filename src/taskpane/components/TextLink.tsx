import type { AnchorHTMLAttributes } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { HELP_PAGE } from '../../help/address';

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

/**
 * The Help link and what the help page holds, one line wherever the pane's pages offer it. The
 * page opens in a browser window of its own, outside the pane.
 *
 * @example
 *   <Caption1><HelpLine /></Caption1>
 */
export function HelpLine() {
  return (
    <>
      <TextLink href={HELP_PAGE} target="_blank" rel="noopener noreferrer">
        Help
      </TextLink>
      : what each table accepts, how every figure is worked out, and each PILOT function.
    </>
  );
}
