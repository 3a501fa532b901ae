/** Where the API is mounted (Dutch API Design Rules: the major version in the path). */
export const API_BASE_PATH = '/api/v1';
