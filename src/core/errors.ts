/** Input the tool cannot use at all: one Indonesian sentence for the user, never a stack trace. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
