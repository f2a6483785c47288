// Derives the peers' configuration from the bundled contract, so the peers answer what the contract
// says of the two benchmarked operations and nothing is restated by hand:
//   node derive.mjs <contract.json> <out dir>
// writes <out>/prism.json (an OpenAPI document of GET /wallet/balance and POST /wallet/fund with their
// schemas, examples and bearer security, paths under the contract's base path, for Prism) and
// <out>/wiremock/mappings/*.json (static stubs answering each operation's first 200 example).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [contractFile, out] = process.argv.slice(2);
const contract = JSON.parse(readFileSync(contractFile, 'utf8'));
const basePath = new URL(contract.servers[0].url).pathname.replace(/\/$/, '');
const operations = [['/wallet/balance', 'get'], ['/wallet/fund', 'post']];

const paths = {};
for (const [path, method] of operations) {
  paths[basePath + path] = { ...(paths[basePath + path] || {}), [method]: contract.paths[path][method] };
}
const prism = {
  openapi: contract.openapi,
  info: { ...contract.info, title: contract.info.title + ' (two operations, for the benchmark)' },
  security: contract.security,
  paths,
  components: contract.components,
};
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'prism.json'), JSON.stringify(prism, null, 1));

const mappings = join(out, 'wiremock', 'mappings');
mkdirSync(mappings, { recursive: true });
for (const [path, method] of operations) {
  const ok = contract.paths[path][method].responses['200'].content['application/json'];
  const example = Object.values(ok.examples)[0].value;
  const stub = {
    request: { method: method.toUpperCase(), urlPath: basePath + path },
    response: { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(example) },
  };
  writeFileSync(join(mappings, contract.paths[path][method].operationId + '.json'), JSON.stringify(stub, null, 1));
}
