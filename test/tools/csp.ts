/**
 * Reading a built page's Content-Security-Policy: the tags of its <head> (quoted, single-quoted
 * or unquoted attributes, as the production build's minifier leaves them) and the policy of its
 * <meta http-equiv="Content-Security-Policy">, directive by directive.
 */

/** A start tag: its lower-case name and attributes (names lower-case, values as written). */
export interface Tag {
  name: string;
  attributes: Map<string, string>;
}

const TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * The start tags of a page's <head>, in order, with comments and the text of scripts and styles
 * left out.
 *
 * @example
 *   headTags('<head><meta charset=UTF-8><script src="a.js"></script></head>').map((t) => t.name); // ['head', 'meta', 'script']
 */
export function headTags(html: string): Tag[] {
  const end = html.search(/<\/head\s*>/i);
  const head = (end < 0 ? html : html.slice(0, end)).replace(/<!--[\s\S]*?-->/g, '').replace(/(<(script|style)\b[^>]*>)[\s\S]*?<\/\2\s*>/gi, '$1');
  return [...head.matchAll(TAG)].map((match) => ({
    name: match[1].toLowerCase(),
    attributes: new Map([...match[2].matchAll(ATTRIBUTE)].map((a) => [a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? ''])),
  }));
}

/**
 * A policy's directives and their sources, in the order written; a directive given twice keeps
 * its first value, as browsers do.
 *
 * @example
 *   parsePolicy("default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com").get('script-src');
 *   // ["'self'", 'https://appsforoffice.microsoft.com']
 */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * The policies a page declares in <meta http-equiv="Content-Security-Policy"> tags, with where
 * each stands among the head's tags.
 *
 * @example
 *   metaPolicies('<head><meta http-equiv=Content-Security-Policy content="default-src \'self\'"></head>');
 *   // [{ index: 1, policy: "default-src 'self'" }]
 */
export function metaPolicies(html: string): { index: number; policy: string }[] {
  return headTags(html).flatMap((tag, index) =>
    tag.name === 'meta' && tag.attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy' ? [{ index, policy: tag.attributes.get('content') ?? '' }] : [],
  );
}
