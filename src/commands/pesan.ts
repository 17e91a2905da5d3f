// The text arrives in the URL and is shown as text, never as HTML.
const p = document.createElement('p');
p.setAttribute('role', 'alert');
p.style.cssText = "font-family: 'Segoe UI', Arial, sans-serif; font-size: 14px; margin: 16px";
p.textContent = new URLSearchParams(window.location.search).get('teks') ?? '';
document.getElementById('root')!.appendChild(p);
