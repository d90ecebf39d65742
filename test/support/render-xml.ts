/** A strict little XML well-formedness check for the SVG tests (no XML parser among our dependencies). */

const NAME = /^[A-Za-z_][\w.:-]*$/;
const ENTITY = /&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function checkText(text: string, where: string): void {
  if (text.replace(ENTITY, '').includes('&')) throw new Error(`bare & in ${where}`);
  if (text.includes('<')) throw new Error(`< in ${where}`);
}

/** Throws with a reason if `xml` is not well-formed; returns the root element's name. */
export function checkWellFormed(xml: string): string {
  let i = 0;
  const stack: string[] = [];
  let root: string | undefined;
  if (xml.startsWith('<?xml')) {
    i = xml.indexOf('?>') + 2;
    if (i < 2) throw new Error('unterminated XML declaration');
  }
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (stack.length === 0 && text.trim() !== '') throw new Error(`text outside the root: ${text.slice(0, 20)}`);
    checkText(text, 'text');
    if (lt < 0) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new Error('unterminated tag');
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) throw new Error(`mismatched </${name}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = /^\S+/.exec(body)?.[0] ?? '';
    if (!NAME.test(name)) throw new Error(`bad element name '${name}'`);
    const attrs = body.slice(name.length);
    const seen = new Set<string>();
    const rest = attrs.replace(/\s+([A-Za-z_][\w.:-]*)="([^"]*)"/g, (_, key: string, value: string) => {
      if (seen.has(key)) throw new Error(`duplicate attribute ${key} on <${name}>`);
      seen.add(key);
      checkText(value, `attribute ${key}`);
      return '';
    });
    if (rest.trim() !== '') throw new Error(`malformed attributes on <${name}>: ${rest.slice(0, 40)}`);
    if (stack.length === 0) {
      if (root !== undefined) throw new Error('more than one root element');
      root = name;
    }
    if (!selfClosing) stack.push(name);
  }
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)}>`);
  if (!root) throw new Error('no root element');
  return root;
}
