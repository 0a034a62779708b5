import { parseImportArgs, UsageError } from './import-args';

describe('parseImportArgs', () => {
  it('reads the format, the files and the flags, with the local inventory as the default target', () => {
    expect(parseImportArgs(['aws-gaad', 'gaad.json', '--source', 'aws-prod', '--dry-run', '--full-snapshot'], {})).toEqual({
      format: 'aws-gaad',
      files: ['gaad.json'],
      source: 'aws-prod',
      dryRun: true,
      fullSnapshot: true,
      force: false,
      cluster: undefined,
      url: 'http://127.0.0.1:4001',
      token: null,
    });
  });

  it('takes the token and the target from the environment when not given', () => {
    const args = parseImportArgs(['k8s-rbac', '-', '--source', 'k8s'], { NHI_TOKEN: 't', INVENTORY_BASE_URL: 'https://inv.example/' });
    expect(args).toMatchObject({ files: ['-'], token: 't', url: 'https://inv.example' });
  });

  it('says which argument is missing or wrong', () => {
    expect(() => parseImportArgs([], {})).toThrow(new UsageError('name the format of the export'));
    expect(() => parseImportArgs(['aws-gaad'], {})).toThrow(/name the export file/);
    expect(() => parseImportArgs(['aws-gaad', 'f.json'], {})).toThrow(/--source is required/);
    expect(() => parseImportArgs(['aws-gaad', '-', '-', '--source', 's'], {})).toThrow(/only once/);
    expect(() => parseImportArgs(['aws-gaad', 'f', '--source', 's', '--bogus'], {})).toThrow(UsageError);
  });
});
