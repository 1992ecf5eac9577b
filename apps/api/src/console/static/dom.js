// Small DOM helpers of the console (no framework; text is always set as text, never as HTML).

/** `document.getElementById`, failing loudly when the page lacks the element. */
export function byId(id) {
  const found = document.getElementById(id);
  if (!found) throw new Error(`console: #${id} is missing from the page`);
  return found;
}

/** An element with attributes (`class`, `data-*`, `hidden`…) and children (nodes or text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Shows a message under the header (`error` or `info`); an empty text hides it. */
export function say(text, kind = 'error') {
  const box = byId('message');
  box.textContent = text;
  box.className = `message ${kind}`;
  box.hidden = !text;
}
