import { readFileSync } from 'fs';
import * as path from 'path';
import * as acorn from 'acorn';

const office = path.join(__dirname, '..', 'src', 'adapters', 'office');

describe('the scripts every webview must run', () => {
  it.each(['loader.js', 'pesan.js'])('%s is ES5 without modules, as Internet Explorer 11 reads it', (file) => {
    const text = readFileSync(path.join(office, file), 'utf8');
    expect(() => acorn.parse(text, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    // What ES5 parses but Internet Explorer 11 lacks.
    expect(text).not.toMatch(/\b(fetch|Promise\.|Object\.assign|Array\.from|\.includes\(|\.startsWith\(|URLSearchParams|classList)\b/);
  });

  it('would refuse what IE 11 cannot parse', () => {
    expect(() => acorn.parse('const x = () => 1;', { ecmaVersion: 5, sourceType: 'script' })).toThrow();
  });
});
