import { answerDialog } from '../adapters/office/dialog';

// The ribbon command's dialog: one sentence, shown as text (never as HTML), the technical details
// behind "Rincian" where there are any, and the buttons that ask the command to close it.
const params = new URLSearchParams(window.location.search);
const root = document.getElementById('root')!;
root.style.cssText = "font-family: 'Segoe UI', Arial, sans-serif; font-size: 14px; margin: 16px";
const p = document.createElement('p');
p.setAttribute('role', 'alert');
p.textContent = params.get('teks') ?? '';
root.append(p);
const rincian = params.get('rincian');
if (rincian) {
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'Rincian';
  const text = document.createElement('p');
  text.style.cssText = 'font-family: Consolas, monospace; font-size: 12px; overflow-wrap: anywhere';
  text.textContent = rincian;
  details.append(summary, text);
  root.append(details);
}
const button = (label: string, answer: string) => {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.disabled = true;
  b.style.marginRight = '8px';
  root.append(b);
  return { b, answer };
};
const buttons = params.get('tanya') ? [button('Lanjutkan', 'lanjut'), button('Batal', 'tutup')] : [button('Tutup', 'tutup')];
Office.onReady(() => {
  for (const { b, answer } of buttons) {
    b.disabled = false;
    b.onclick = () => answerDialog(answer);
  }
});
