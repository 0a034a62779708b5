export { awsCredentialReportFormat, REPORT_COLUMNS } from './aws-credential-report.format';
export { ROOT_ACCOUNT } from './credential-report-row';
