// Builds a message left to right and remembers where each sensitive value
// went: the ground truth the masking recall is measured against.
import type { SensitiveKind, SensitiveSpan } from '../../engine/masking/index.js';

export class MessageBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly spans: SensitiveSpan[] = [];

  add(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  addSensitive(value: string, kind: SensitiveKind): void {
    this.spans.push({ start: this.length, end: this.length + value.length, kind });
    this.add(value);
  }

  get text(): string {
    return this.parts.join('');
  }
}
