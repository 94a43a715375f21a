/** Why a submitted file cannot be read; `reason` is Chinese, for the reviewer, without the file's name. */
export class Unreadable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'Unreadable';
  }
}
