/*
 * The add-in's dialog (pesan.html), opened by the ribbon's Hitung Capaian where it cannot run the
 * pane: one sentence from the address (`teks`), shown as text, never as HTML; the technical details
 * (`rincian`) behind "Rincian"; a button that asks the command to close it. ES5, no module: the
 * dialog opens in the same old webviews as the pane does (Internet Explorer 11 included) and must say
 * its sentence there too.
 */
(function () {
  'use strict';

  function param(name) {
    var found = new RegExp('[?&]' + name + '=([^&#]*)').exec(window.location.search);
    if (!found) return null;
    try {
      return decodeURIComponent(found[1].replace(/\+/g, ' '));
    } catch (e) {
      return null;
    }
  }

  function element(tag, text) {
    var e = document.createElement(tag);
    if (text) e.appendChild(document.createTextNode(text));
    return e;
  }

  var root = document.getElementById('root');
  while (root.firstChild) root.removeChild(root.firstChild);
  root.style.cssText = "font-family: 'Segoe UI', Arial, sans-serif; font-size: 14px; margin: 16px";
  var text = root.appendChild(element('p', param('teks') || 'Hitung Capaian tidak memberi pesan.'));
  text.setAttribute('role', 'alert');
  var rincian = param('rincian');
  if (rincian) {
    var details = root.appendChild(element('details'));
    details.appendChild(element('summary', 'Rincian'));
    details.appendChild(element('p', rincian)).style.cssText = 'font-family: Consolas, monospace; font-size: 12px; word-wrap: break-word';
  }
  var close = root.appendChild(element('button', 'Tutup'));
  close.setAttribute('type', 'button');
  close.disabled = true;
  if (typeof window.Office === 'undefined' || typeof window.Office.onReady !== 'function') {
    root.appendChild(element('p', 'Office.js tidak dapat dimuat — periksa koneksi/proksi; tutup dialog ini dengan × di sudutnya.'));
    return;
  }
  Office.onReady(function () {
    close.disabled = false;
    close.onclick = function () {
      Office.context.ui.messageParent('tutup');
    };
  });
})();
