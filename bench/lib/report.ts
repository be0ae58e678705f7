// Every benchmark prints one line per figure, "<figure> <value> <unit>", and writes the same to bench/results/<name>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Figure {
  figure: string;
  value: number;
  unit: string;
}

export class Report {
  private readonly figures: Figure[] = [];
  constructor(private readonly name: string) {}

  add(figure: string, value: number, unit: string): void {
    const rounded = Number.isInteger(value) ? value : Number(value.toPrecision(4));
    this.figures.push({ figure, value: rounded, unit });
    console.log(`${figure} ${rounded} ${unit}`);
  }

  write(): void {
    const dir = join(process.cwd(), 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const body = { name: this.name, at: new Date().toISOString(), node: process.version, figures: this.figures };
    writeFileSync(join(dir, `${this.name}.json`), `${JSON.stringify(body, null, 2)}\n`);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}
