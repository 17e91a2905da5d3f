// The ribbon command's dialog: one sentence, shown as text (never as HTML), and a button that
// asks the command to close it.
const root = document.getElementById('root')!;
root.style.cssText = "font-family: 'Segoe UI', Arial, sans-serif; font-size: 14px; margin: 16px";
const p = document.createElement('p');
p.setAttribute('role', 'alert');
p.textContent = new URLSearchParams(window.location.search).get('teks') ?? '';
const closeButton = document.createElement('button');
closeButton.type = 'button';
closeButton.textContent = 'Tutup';
closeButton.disabled = true;
root.append(p, closeButton);
Office.onReady(() => {
  closeButton.disabled = false;
  closeButton.onclick = () => Office.context.ui.messageParent('tutup');
});
