export * from './import-row';
export * from './ingest-line';
export * from './registry';
export { fileInput, spoolInput } from './streaming';
export { awsGaadFormat, generateGaadStream, generateGaadChunks, type GaadGeneratorOptions } from './formats/aws-gaad';
export { awsCredentialReportFormat } from './formats/aws-credential-report';
