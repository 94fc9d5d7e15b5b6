import type { Expression } from 'estree';
import { Parser } from 'acorn';
import { describe, expect, it } from 'vitest';
import { plainDataValues } from '../../src/compile/expressions/plainData.ts';
import { createDeckSandbox } from '../../src/compile/expressions/sandbox.ts';

// Braces that only name data and write values are read without the sandbox: each must give
// exactly what the sandbox gives, and anything else must be left to the sandbox.
const data = {
  staffing: { ratios: [328, 488, 2000], source: 'KCTV5 News, 2020-06-23', nested: { deep: [{ a: 1 }] } },
  row: { district: 'Riverbend R-II', counselorRatio: 412, 'two words': 'x', 7: 'seven' },
  numbers: [0.1, -0, 1e21, 123456789.125, 5e-7],
};

function expression(code: string): Expression {
  // acorn's node types are its own; the tree it gives is estree's.
  return Parser.parseExpressionAt(code, 0, { ecmaVersion: 'latest', sourceType: 'module' }) as Expression;
}

async function inSandbox(codes: string[]) {
  const sandbox = await createDeckSandbox({ components: [], lang: 'en' });
  try {
    return sandbox.evaluateAll(codes, data);
  } finally {
    sandbox.dispose();
  }
}

describe('plain data in braces', () => {
  const plain = [
    '328',
    '"text"',
    "'it\\'s'",
    'true',
    'null',
    '-3.5',
    '[1, "two", [3], { four: 4 }]',
    '{ name: "Missouri", values: [328, 488, 2000], "quoted key": 1, 2: "b", a: "first" }',
    'staffing',
    'staffing.ratios',
    'staffing.ratios[2]',
    'staffing.ratios.length',
    'staffing["source"]',
    'staffing.nested.deep[0].a',
    'row.district',
    'row["two words"]',
    'row[7]',
    '[{ name: row.district, values: [row.counselorRatio, 250] }]',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a deck's template literal, as the deck writes it
    '`Support staff in ${row.district}: ${row.counselorRatio} students`',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a deck's template literal, as the deck writes it
    '`${numbers[0]} ${numbers[1]} ${numbers[2]} ${numbers[3]} ${numbers[4]}`',
    '`plain`',
    '{ row }',
  ];

  it('gives exactly what the sandbox gives', async () => {
    const read = plainDataValues(plain.map(expression), data);
    expect(read).toBeDefined();
    expect(read).toEqual(await inSandbox(plain));
  });

  it('gives copies: what a slide does with a value never changes the data', () => {
    const [value] = plainDataValues([expression('staffing.ratios')], data)!;
    expect(value).toEqual({ value: [328, 488, 2000] });
    expect((value as { value: unknown }).value).not.toBe(data.staffing.ratios);
  });

  const computing = [
    'staffing.ratios.map((ratio) => ratio * 2)',
    '1 + 2',
    'row.counselorRatio / 250',
    '-row.counselorRatio',
    'staffing?.ratios',
    'staffing.missing',
    'staffing.constructor',
    'row.__proto__',
    'row.district.length',
    '{ __proto__: null }',
    '{ ["computed"]: 1 }',
    '[...staffing.ratios]',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a deck's template literal, as the deck writes it
    '`${staffing.ratios}`',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a deck's template literal, as the deck writes it
    '`${staffing.missing}`',
    'undefined',
    'NaN',
    '/regex/',
    'Math.round(1.5)',
  ];
  for (const code of computing) {
    it(`leaves ${code} to the sandbox`, () => {
      expect(plainDataValues([expression('328'), expression(code)], data)).toBeUndefined();
    });
  }

  it('leaves data to the sandbox when it holds what JSON cannot', () => {
    expect(plainDataValues([expression('odd')], { odd: [Number.NaN] })).toBeUndefined();
    expect(plainDataValues([expression('odd')], { odd: { when: new Date(0) } })).toBeUndefined();
    expect(plainDataValues([expression('odd')], { odd: JSON.parse('{"__proto__": 1}') })).toBeUndefined();
  });
});
