import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { awsGaadFormat, fileInput } from '@nhi/importers';
import { assessPrivilege } from '@nhi/privilege';

/**
 * One stage of bench:import, in a process of its own so that its peak memory
 * is its own: `baseline` (JSON.parse of the whole file, counting principals)
 * or `convert` (the aws-gaad converter streaming the file, and the privilege
 * rules judging each principal, as the inventory does on ingest). Prints one
 * JSON line: principals, seconds, peak RSS in MB.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { stage: { type: 'string' }, file: { type: 'string' } } });
  const file = values.file ?? '';
  const began = process.hrtime.bigint();
  let principals = 0;
  let judged = 0;
  if (values.stage === 'baseline') {
    const document = JSON.parse(readFileSync(file, 'utf8')) as { UserDetailList?: unknown[]; RoleDetailList?: unknown[] };
    principals = (document.UserDetailList?.length ?? 0) + (document.RoleDetailList?.length ?? 0);
  } else if (values.stage === 'convert') {
    for await (const item of awsGaadFormat.convert([fileInput(file)])) {
      if (!('row' in item)) continue;
      principals += 1;
      if (assessPrivilege(item.row.provider, item.row.permissions ?? [])) judged += 1;
    }
  } else {
    throw new Error('--stage must be baseline or convert');
  }
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ principals, judged, seconds, peakRssMb }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
