import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/sandbox/emulator/api-error.js';
import { validateMessage } from '../../src/sandbox/emulator/validation/validate-message.js';

/** The 50035 errors object for a body, or the code of another error. */
function errorsFor(body: unknown, prefix: string[] = []): unknown {
  try {
    validateMessage(body, { mode: 'create', prefix });
    return undefined;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return error.code === 50035 ? error.errors : error.code;
  }
}

const button = (id: string) => ({ type: 2, style: 1, custom_id: id, label: id });

describe('message validation, shaped like Discord 50035 errors', () => {
  it('given six action rows, then components carries BASE_TYPE_MAX_LENGTH', () => {
    const rows = Array.from({ length: 6 }, (_, i) => ({ type: 1, components: [button(`b${i}`)] }));
    expect(errorsFor({ components: rows })).toEqual({ components: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' }] } });
  });

  it('given six buttons in a row, then the row reports BASE_TYPE_BAD_LENGTH 1–5', () => {
    const row = { type: 1, components: Array.from({ length: 6 }, (_, i) => button(`b${i}`)) };
    expect(errorsFor({ components: [row] })).toEqual({
      components: { '0': { components: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 5 in length.' }] } } },
    });
  });

  it('given a select and a button in one row, then the button exceeds the row width', () => {
    const select = { type: 3, custom_id: 's', options: [{ label: 'a', value: 'a' }] };
    expect(errorsFor({ components: [{ type: 1, components: [select, button('b')] }] })).toEqual({
      components: { '0': { components: { '1': { _errors: [{ code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', message: 'The specified component exceeds the maximum width' }] } } } },
    });
  });

  it('given the same custom_id twice in a message, then the second is COMPONENT_CUSTOM_ID_DUPLICATED', () => {
    const rows = [
      { type: 1, components: [button('same')] },
      { type: 1, components: [button('same')] },
    ];
    expect(errorsFor({ components: rows })).toMatchObject({ components: { '1': { components: { '0': { custom_id: { _errors: [{ code: 'COMPONENT_CUSTOM_ID_DUPLICATED' }] } } } } } });
  });

  it('given select options, label, placeholder and custom_id over their limits, then each is reported at its path', () => {
    const select = {
      type: 3,
      custom_id: 'c'.repeat(101),
      placeholder: 'p'.repeat(151),
      options: Array.from({ length: 26 }, (_, i) => ({ label: `o${i}`, value: `v${i}` })),
    };
    const errors = errorsFor({ components: [{ type: 1, components: [select, ] }, { type: 1, components: [{ ...button('x'), label: 'l'.repeat(81) }] }] });
    expect(errors).toMatchObject({
      components: {
        '0': { components: { '0': { custom_id: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] }, placeholder: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] }, options: { _errors: [{ message: 'Must be between 1 and 25 in length.' }] } } } },
        '1': { components: { '0': { label: { _errors: [{ message: 'Must be 80 or fewer in length.' }] } } } },
      },
    });
  });

  it('given eleven embeds, then embeds carries BASE_TYPE_MAX_LENGTH 10', () => {
    expect(errorsFor({ embeds: Array.from({ length: 11 }, () => ({ title: 't' })) })).toEqual({
      embeds: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' }] },
    });
  });

  it('given embed text with surrounding whitespace, then it is trimmed before counting', () => {
    expect(errorsFor({ embeds: [{ title: `  ${'t'.repeat(256)}  ` }] })).toBeUndefined();
  });

  it('given a field value over 1024 and a missing field name, then both are reported', () => {
    expect(errorsFor({ embeds: [{ fields: [{ name: '', value: 'v'.repeat(1025) }] }] })).toEqual({
      embeds: {
        '0': {
          fields: {
            '0': {
              name: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] },
              value: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 1024 or fewer in length.' }] },
            },
          },
        },
      },
    });
  });

  it('given an unknown allowed_mentions parse type, then the choices are listed', () => {
    expect(errorsFor({ content: 'x', allowed_mentions: { parse: ['channels'] } })).toMatchObject({ allowed_mentions: { parse: { '0': { _errors: [{ code: 'BASE_TYPE_CHOICES' }] } } } });
  });

  it('given nothing to show, then the answer is 50006, but whitespace-free content, embeds or components suffice', () => {
    expect(errorsFor({})).toBe(50006);
    expect(errorsFor({ content: '   ' })).toBe(50006);
    expect(errorsFor({ embeds: [{ title: 't' }] })).toBeUndefined();
    expect(errorsFor({ components: [{ type: 1, components: [button('b')] }] })).toBeUndefined();
  });

  it('given a content of 2000 emoji, then it is within the limit: Discord counts characters, not UTF-16 units', () => {
    expect(errorsFor({ content: '🛰'.repeat(2000) })).toBeUndefined();
  });
});
