/** Input the tool cannot use at all: one Indonesian sentence for the user, never a stack trace. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Text as one sentence: ending in exactly one stop, however the text ended. */
export const sentence = (text: string) => `${text.trim().replace(/[.\s]+$/, '')}.`;
