import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WORKSPACE_ROOT } from '../dev-paths';

export const DOCKERFILE_PATH = path.join(WORKSPACE_ROOT, 'infra', 'docker', 'Dockerfile');

/** One instruction of a Dockerfile: its keyword (upper case) and the rest of its (joined) lines. */
export interface Instruction {
  keyword: string;
  args: string;
}

/** A build stage: its FROM (ARGs substituted) and its instructions after FROM. */
export interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** The instructions of a Dockerfile: comments dropped, `\` continuations joined. */
export function dockerInstructions(text: string): Instruction[] {
  const joined = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** Stages with their base image resolved from the ARGs declared before the first FROM (their defaults). */
export function dockerStages(text: string): Stage[] {
  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  for (const instruction of dockerInstructions(text)) {
    if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = instruction.args.split(/\s+/);
      const from = image.replace(/\$\{(\w+)\}|\$(\w+)/g, (_match, braced: string, bare: string) => globalArgs.get(braced ?? bare) ?? '');
      stages.push({ from, ...(as?.toUpperCase() === 'AS' && name ? { name } : {}), instructions: [] });
    } else if (stages.length === 0 && instruction.keyword === 'ARG') {
      const [name = '', value = ''] = instruction.args.split('=');
      globalArgs.set(name, value);
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

export function loadDockerStages(): Stage[] {
  return dockerStages(readFileSync(DOCKERFILE_PATH, 'utf8'));
}
