// Nothing configured: the framework's defaults are the ceiling.
const config = {};
export default config;
