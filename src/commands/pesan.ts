// The text arrives in the URL and is shown as text, never as HTML.
document.getElementById('teks')!.textContent = new URLSearchParams(window.location.search).get('teks') ?? '';
