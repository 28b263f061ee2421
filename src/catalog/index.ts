export { Catalog } from './catalog.js';
export { BUILTIN_CATALOG_DIR, BUILTIN_CATALOG_FILES, builtinCatalogData, catalogFor, loadUserCatalog } from './load.js';
export { compareNames, doubledWord, nameKey, undoubled, variantKey, type NameAgreement } from './names.js';
export { levelOfCode, schemeOfCode, type CatalogEntry, type CatalogScheme, type Rename } from './types.js';
