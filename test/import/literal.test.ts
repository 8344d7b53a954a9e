import { describe, expect, it } from 'vitest';
import { propertyKey, stringLiteral } from '../../src/import/literal';
import { toIdentifier, Identifiers } from '../../src/import/identifiers';

const TRICKY = [
  'say "hi"',
  "it's",
  'back`tick`',
  '${process.exit(1)}',
  '*/ x /*',
  'line\nbreak\r\n',
  'tab\there',
  'sep\u2028and\u2029',
  '</script><script>alert(1)</script>',
  '</SCRIPT>',
  'back\\slash',
  '\u0000nul',
  '',
];

describe('stringLiteral', () => {
  it.each(TRICKY)('evaluates back to the same string: %j', (s) => {
    // eslint-disable-next-line no-new-func
    expect(new Function(`return ${stringLiteral(s)};`)()).toBe(s);
  });

  it('leaves no raw line separators and no closing script tag in the code', () => {
    const code = TRICKY.map(stringLiteral).join('\n');
    expect(code).not.toMatch(/[\u2028\u2029]/);
    expect(code).not.toMatch(/<\/script/i);
  });
});

describe('propertyKey', () => {
  it('writes __proto__ as a computed key, which defines an own property', () => {
    const o = new Function(`return { ${propertyKey('__proto__')}: "x", ${propertyKey('constructor')}: "y" };`)();
    expect(Object.keys(o)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
  });
});

describe('identifiers', () => {
  it('camel-cases a manifest name to ASCII letters and digits only', () => {
    expect(toIdentifier('fluentd-elasticsearch', 'volume')).toBe('fluentdElasticsearch');
    expect(toIdentifier('a"b${c}</script>\u2028', 'volume')).toBe('aBCScript');
  });

  it('prefixes a leading digit and suffixes a reserved word', () => {
    expect(toIdentifier('9p', 'volume')).toBe('volume9p');
    expect(toIdentifier('default', 'volume')).toBe('defaultVolume');
    expect(toIdentifier('---', 'volume')).toBe('volume');
  });

  it('dedupes within a scope', () => {
    const ids = new Identifiers(['agent']);
    const names = [
      ids.unique('var-log', 'volume'),
      ids.unique('var_log', 'volume'),
      ids.unique('agent', 'volume'),
      ids.unique('kplus', 'volume'),
    ];
    expect(names).toEqual(['varLog', 'varLog2', 'agent2', 'kplusVolume']);
  });
});
