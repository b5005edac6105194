// stub
export async function lockOut() { return { pass: false, failures: ['not yet'], figures: {} }; }
export async function spoofedForwarding() { return { pass: false, failures: ['not yet'], figures: {} }; }
