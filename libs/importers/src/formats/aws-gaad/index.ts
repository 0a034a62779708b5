export { awsGaadFormat } from './aws-gaad.format';
export { AWS_PROVIDER, AWS_ROLE_KIND, AWS_USER_KIND, SERVICE_LINKED_SCOPE } from './gaad-principals';
export { generateGaadChunks, generateGaadStream, type GaadGeneratorOptions } from './generate-gaad-stream';
export { policyStatements, readPolicyDocument, trustedPrincipals } from './iam-policy';
