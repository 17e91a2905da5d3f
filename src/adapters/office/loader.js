/*
 * The task pane's loader (taskpane.html): ES5, no module, nothing but what Internet Explorer 11 runs,
 * so that it runs in every webview Office may show the pane in and the pane is never blank. In place
 * of the "Memuat" text the page shows before any script, it says
 * - that Office.js did not load (Microsoft's CDN unreachable, a proxy blocking it);
 * - that this webview cannot run the pane: which Excel to update, and the page without the add-in
 *   (peramban.html) as the way to work today;
 * - that the page was opened outside Office;
 * and otherwise loads the pane's bundle, which marks itself running (window.hitungCapaianBundle).
 * Where the bundle cannot run, the ribbon's Hitung Capaian says the same in a dialog.
 * test/browser/loader.e2e.ts shows each sentence in Chromium; test/web-build.test.ts parses this
 * file as ES5.
 */
(function () {
  'use strict';

  var BUNDLE = 'taskpane.js';
  /** How long Office may take to answer before the page says it may have been opened outside Office. */
  var OFFICE_WAIT = 15000;
  var root = document.getElementById('root');
  var here = window.location.href.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  var peramban = here + 'peramban.html';
  var settled = false;

  function element(tag, text) {
    var e = document.createElement(tag);
    if (text) e.appendChild(document.createTextNode(text));
    return e;
  }

  /** Replaces the page's text with a title (announced) and lines, each one sentence or two. */
  function say(title, lines) {
    settled = true;
    var main = element('main');
    main.style.cssText = "font-family: 'Segoe UI', Arial, sans-serif; font-size: 14px; margin: 16px; line-height: 1.4";
    main.appendChild(element('h1', 'Hitung Capaian')).style.fontSize = '20px';
    var alert = main.appendChild(element('p', title));
    alert.setAttribute('role', 'alert');
    alert.style.fontWeight = '600';
    for (var i = 0; i < lines.length; i++) main.appendChild(element('p', lines[i]));
    var link = main.appendChild(element('p')).appendChild(element('a', 'Buka halaman Hitung Capaian tanpa add-in'));
    link.setAttribute('href', peramban);
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener');
    while (root.firstChild) root.removeChild(root.firstChild);
    root.appendChild(main);
  }

  var WITHOUT_ADDIN = 'Sementara itu, pakai halaman Hitung Capaian tanpa add-in di peramban (Chrome, Edge, Firefox atau Safari), dengan hasil yang sama: ' + peramban;

  var CANNOT_RUN =
    'Excel ini menampilkan add-in dengan peramban tertanam yang terlalu lama (Internet Explorer 11 atau Edge versi lama), dan panel Hitung Capaian tidak dapat berjalan di dalamnya.';
  var NEEDED =
    'Yang dapat menjalankannya: Microsoft 365, atau Office 2016/2019 eceran yang diperbarui, versi 2101 atau lebih baru di Windows dengan Microsoft Edge WebView2; Excel 2021 atau 2024; Excel untuk Mac di macOS dengan Safari 14.1 atau lebih baru; Excel untuk iPad di iPadOS 14.5 atau lebih baru; Excel di web di Chrome atau Edge 84, Firefox 75, Safari 14.1 atau lebih baru. Minta pengelola TI memperbarui Excel atau memasang WebView2.';

  function cannotRun() {
    say(CANNOT_RUN, [NEEDED, WITHOUT_ADDIN]);
    Office.onReady(function () {
      ribbonSays(CANNOT_RUN + ' ' + WITHOUT_ADDIN);
    });
  }

  /** The ribbon's Hitung Capaian, where the pane's bundle cannot run: it says so in the add-in's dialog. */
  function ribbonSays(text) {
    function command(event) {
      var url = here + 'pesan.html?teks=' + encodeURIComponent(text);
      try {
        Office.context.ui.displayDialogAsync(url, { height: 40, width: 40, displayInIframe: true }, function (opened) {
          if (opened.status !== 'succeeded') return event.completed();
          opened.value.addEventHandler('dialogMessageReceived', function () {
            opened.value.close();
            event.completed();
          });
          opened.value.addEventHandler('dialogEventReceived', function () {
            event.completed();
          });
        });
      } catch (e) {
        event.completed();
      }
    }
    try {
      if (Office.actions && typeof Office.actions.associate === 'function') Office.actions.associate('hitungCapaian', command);
      else window.hitungCapaian = command;
    } catch (e) {
      // No ribbon here (the page opened outside Office).
    }
  }

  /** What the pane needs of its webview beyond the syntax its bundle is built for (Fluent UI's ResizeObserver, CSS variables). */
  function modern() {
    try {
      return (
        typeof window.Promise === 'function' &&
        typeof window.Symbol === 'function' &&
        typeof window.ResizeObserver === 'function' &&
        !!(window.CSS && window.CSS.supports && window.CSS.supports('--hc', '0'))
      );
    } catch (e) {
      return false;
    }
  }

  function loadBundle() {
    var script = document.createElement('script');
    script.src = BUNDLE;
    script.onload = function () {
      // A bundle this webview cannot parse or start sets no mark.
      if (!window.hitungCapaianBundle) cannotRun();
    };
    script.onerror = function () {
      say('Berkas panel Hitung Capaian tidak dapat dimuat dari server add-in.', [
        'Periksa koneksi ke ' + here + ', lalu tutup panel ini dan buka lagi; bila terulang, beri tahu pengelola TI kantor Anda.',
        WITHOUT_ADDIN,
      ]);
    };
    document.body.appendChild(script);
  }

  if (typeof window.Office === 'undefined' || typeof window.Office.onReady !== 'function') {
    say('Office.js tidak dapat dimuat — periksa koneksi/proksi.', [
      'Panel ini memerlukan pustaka Office.js dari https://appsforoffice.microsoft.com. Periksa koneksi internet, atau minta pengelola TI mengizinkan alamat itu di proksi atau firewall kantor, lalu tutup panel ini dan buka lagi.',
      WITHOUT_ADDIN,
    ]);
    return;
  }

  if (!modern()) return cannotRun();

  var outside = ['Di Excel, pasang add-in Hitung Capaian lalu klik Tinjau Hasil di tab Beranda; panel ini terbuka di sana.', 'Untuk menghitung tanpa Excel: ' + peramban];
  Office.onReady(function (info) {
    if (!info || !info.host) say('Halaman ini adalah panel add-in Hitung Capaian: buka dari Excel.', outside);
  });
  // Outside Office, Office.js may never answer (it loads a script of its own from a CDN the page's
  // Content-Security-Policy does not allow): then the page says so after a while.
  setTimeout(function () {
    if (!settled && !window.hitungCapaianShown) say('Office belum menjawab: bila halaman ini dibuka di peramban, buka dari Excel.', outside);
  }, OFFICE_WAIT);
  loadBundle();
})();
