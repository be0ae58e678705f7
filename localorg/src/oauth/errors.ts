// OAuth errors as Salesforce answers them: JSON {error, error_description}.
import { rawJson } from '../http/raw';

export const oauthError = (error: string, description: string, status = 400) =>
  rawJson(status, { error, error_description: description });
