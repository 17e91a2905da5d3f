/** Input the tool cannot use at all: one Indonesian sentence for the user, never a stack trace. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Text as one sentence: ending in exactly one stop, however the text ended. */
export const sentence = (text: string) => `${text.trim().replace(/[.\s]+$/, '')}.`;

/** What the user is told of a failure that is not bad input (a fault of the tool), naming no stack. */
export const internalErrorText = (e: unknown) => `Galat internal: ${sentence(e instanceof Error ? e.message : String(e))} Mohon laporkan bersama berkas yang dipakai.`;
