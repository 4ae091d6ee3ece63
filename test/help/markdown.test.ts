/**
 * The guide's Markdown: what it reads into blocks, how each renders, that text never becomes
 * markup, and that what the subset cannot say is an error naming the line.
 */
import { escapeHtml, parseMarkdown, plainText, renderBlocks, renderInline, slug } from '../../src/help/markdown';

describe('parseMarkdown', () => {
  it('reads headings with their anchors, paragraphs over several lines, and flat lists', () => {
    const blocks = parseMarkdown(['# Guide', '', "## Each metric's value", 'One line', 'and the next.', '', '- first', '  continued', '- second', '', '1. one', '2. two'].join('\n'));
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Guide', id: 'guide', line: 1 },
      { kind: 'heading', level: 2, text: "Each metric's value", id: 'each-metrics-value', line: 3 },
      { kind: 'paragraph', text: 'One line and the next.', line: 4 },
      { kind: 'list', ordered: false, items: ['first continued', 'second'], line: 7 },
      { kind: 'list', ordered: true, items: ['one', 'two'], line: 11 },
    ]);
  });

  it('reads a table with its alignment and the check named above it, an escaped bar staying in its cell', () => {
    const [table] = parseMarkdown(['<!-- check: sample -->', '| Figure | Value |', '|---|---:|', '| a \\| b | 1,200 |'].join('\n'));
    expect(table).toEqual({ kind: 'table', header: ['Figure', 'Value'], align: ['left', 'right'], rows: [['a \\| b', '1,200']], check: 'sample', line: 2 });
  });

  it('leaves other comments out and keeps fenced code as written', () => {
    expect(parseMarkdown('<!-- a note\nover lines -->\n```\n<b>x</b>\n```')).toEqual([{ kind: 'code', text: '<b>x</b>', line: 3 }]);
  });

  it('refuses what it cannot read, naming the line', () => {
    expect(() => parseMarkdown('| a | b |\n|---|---|\n| 1 |')).toThrow('Markdown line 3: a table row of 1 cells in a table of 2 columns');
    expect(() => parseMarkdown('| a |\n| b |')).toThrow('Markdown line 1: a table needs a header row and a |---| row under it');
    expect(() => parseMarkdown('<!-- check: x -->\n\nA paragraph.')).toThrow('Markdown line 1: <!-- check: x --> must stand right above a table');
    expect(() => parseMarkdown('<!-- check: x -->')).toThrow('Markdown line 1: a check comment with no table under it');
    expect(() => parseMarkdown('## A\n\n## A')).toThrow('Markdown line 3: the anchor #a is already taken by line 1');
    expect(() => parseMarkdown('```\ncode')).toThrow('Markdown line 1: a code fence that is never closed');
    expect(() => parseMarkdown('<!-- open')).toThrow('Markdown line 1: a comment that is never closed');
  });
});

describe('renderInline', () => {
  it('renders code, bold, italics and links', () => {
    expect(renderInline('Pass `Metrics[#All]` **whole**, see *Costs* and [PILOT.NPV](#PILOT.NPV).')).toBe(
      'Pass <code>Metrics[#All]</code> <strong>whole</strong>, see <em>Costs</em> and <a href="#PILOT.NPV">PILOT.NPV</a>.',
    );
  });

  it('escapes every character that would be markup, in text and in code', () => {
    expect(renderInline('<script>alert("x")</script> & `<b>`')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <code>&lt;b&gt;</code>');
    expect(escapeHtml('"<&>"')).toBe('&quot;&lt;&amp;&gt;&quot;');
  });

  it('keeps marks inside code and escaped characters as written', () => {
    expect(renderInline('`a * b * c` and 2 \\* 3 \\* 4, a \\| b')).toBe('<code>a * b * c</code> and 2 * 3 * 4, a | b');
    expect(renderInline('Pilot × Multiplier, 5 * 3')).toBe('Pilot × Multiplier, 5 * 3');
    expect(() => renderInline('**Year *y***')).toThrow('bold cannot hold * inside');
  });

  it('links only to anchors, pages of the add-in and https addresses', () => {
    expect(renderInline('[help](help.html#PILOT.NPV)')).toBe('<a href="help.html#PILOT.NPV">help</a>');
    expect(() => renderInline('[x](javascript:alert(1))')).toThrow('links go to #anchors, pages of the add-in or https addresses');
    expect(() => renderInline('[x](http://example.com)')).toThrow('links go to #anchors');
  });
});

describe('renderBlocks', () => {
  it('puts each table in a scrolling box, numbers aligned right, and anchors on headings', () => {
    const html = renderBlocks(parseMarkdown('### Cash flows\n\n| | Year 0 |\n|---|---:|\n| Net | −190,000.00 |'));
    expect(html).toBe(
      '<h3 id="cash-flows">Cash flows</h3>\n<div class="table"><table><thead><tr><th scope="col"></th><th scope="col" class="num">Year 0</th></tr></thead>' +
        '<tbody><tr><td>Net</td><td class="num">−190,000.00</td></tr></tbody></table></div>',
    );
  });
});

describe('plainText and slug', () => {
  it('give the text a reader sees, and the anchor GitHub gives it', () => {
    expect(plainText('**ΣA** of `12 min`, see [costs](#costs), *g*, 2 \\* 3')).toBe('ΣA of 12 min, see costs, g, 2 * 3');
    expect(slug('What `PILOT.NPV` gives: NPV, IRR')).toBe('what-pilotnpv-gives-npv-irr');
    expect(slug('Ownership (RACI)')).toBe('ownership-raci');
    expect(slug('Timeline to production')).toBe('timeline-to-production');
  });
});
