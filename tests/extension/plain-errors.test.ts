import { deserializeError as fullDeserialize, serializeError as fullSerialize } from 'serialize-error';
import { describe, expect, it } from 'vitest';
import { deserializeError, serializeError } from '../../components/composer/plain-errors';

describe("the content scripts' serialize-error stand-in", () => {
  it('carries name, message and stack across, as serialize-error does for what the scripts read', () => {
    const original = new TypeError('The composer is gone');
    const back = deserializeError(serializeError(original));
    expect(back).toBeInstanceOf(Error);
    expect(back.name).toBe('TypeError');
    expect(back.message).toBe('The composer is gone');
    expect(back.stack).toBe(original.stack);
  });

  it("reads what the background's serialize-error sends", () => {
    const sent = JSON.parse(JSON.stringify(fullSerialize(new RangeError('No such post')))) as unknown;
    const back = deserializeError(sent);
    const reference = fullDeserialize(sent);
    expect([back.name, back.message]).toEqual([reference.name, reference.message]);
    expect(back.stack).toBe(reference.stack);
  });

  it('turns anything else into an Error with a readable message', () => {
    expect(deserializeError('plain words').message).toBe('plain words');
    expect(deserializeError({ message: 42 }).message).toBe('{"message":42}');
    expect(deserializeError(null).message).toBe('null');
    expect(deserializeError(undefined).message).toBe('undefined');
    expect(deserializeError({ name: 'AbortError', message: 'stopped' }).name).toBe('AbortError');
    expect(serializeError('not an error')).toBe('not an error');
    const error = new Error('kept');
    expect(deserializeError(error)).toBe(error);
  });
});
