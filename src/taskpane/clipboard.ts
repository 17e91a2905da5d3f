/**
 * Puts formatted HTML and its plain text on the clipboard. In an add-in frame on the web the
 * asynchronous Clipboard API is often blocked (OfficeDev/office-js#1991, #3480); then the HTML is
 * selected in a hidden editable element and copied with the older `execCommand('copy')`, which a
 * click allows, the plain text set in the copy event. False when neither worked.
 */
export async function copyHtml(html: string, text: string): Promise<boolean> {
  try {
    if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) throw new Error('no Clipboard API');
    await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })]);
    return true;
  } catch {
    return copyBySelection(html, text);
  }
}

function copyBySelection(html: string, text: string): boolean {
  const holder = document.createElement('div');
  holder.contentEditable = 'true';
  holder.setAttribute('aria-hidden', 'true');
  holder.style.cssText = 'position: fixed; left: -10000px; top: 0; opacity: 0';
  // The HTML is our own table, its text escaped by tableToHtml.
  holder.innerHTML = html;
  document.body.appendChild(holder);
  const selection = document.getSelection();
  const range = document.createRange();
  range.selectNodeContents(holder);
  selection?.removeAllRanges();
  selection?.addRange(range);
  // The selection's own text would run the cells together: the rows go in as tab-separated text.
  const withText = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/html', html);
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
  };
  document.addEventListener('copy', withText, { once: true });
  try {
    return document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', withText);
    selection?.removeAllRanges();
    holder.remove();
  }
}
