import { formText } from '../../src/slack/form-text';

describe('formText', () => {
  it('reads a missing field as empty and a repeated one as its values together', () => {
    expect(formText('5310')).toBe('5310');
    expect(formText(undefined)).toBe('');
    expect(formText(['5310', '5311'])).toBe('5310 5311');
    expect(formText(42)).toBe('');
  });
});
