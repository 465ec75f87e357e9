// duck.mjs - run one SQL file in DuckDB (@duckdb/node-api) for make bench.
//
//   node bench/duck.mjs MODULES THREADS FILE.sql [NAME=VALUE ...]
//
// MODULES is the node_modules directory that holds @duckdb/node-api (the
// runner installs it under the build directory, not next to this file).
// THREADS is DuckDB's threads setting, or "default" to leave DuckDB's own
// (the machine's cores).  Every ${NAME} in the SQL is replaced by VALUE,
// quoted as an SQL string literal.  Statements are split at a ';' that
// ends a line; the rows of the last one are written as TSV on stdout
// (NULL as an empty field), which the runner sorts and compares.  A
// comment is a whole line starting with --.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [modules, threads, sqlFile, ...vars] = process.argv.slice(2);
if (!modules || !threads || !sqlFile) {
	process.stderr.write('usage: node duck.mjs MODULES THREADS FILE.sql [NAME=VALUE ...]\n');
	process.exit(64);
}
const require = createRequire(join(resolve(modules), 'bench.cjs'));
const { DuckDBInstance } = require('@duckdb/node-api');

let sql = readFileSync(sqlFile, 'utf8');
for (const v of vars) {
	const eq = v.indexOf('=');
	if (eq < 1) {
		process.stderr.write(`duck.mjs: not NAME=VALUE: ${v}\n`);
		process.exit(64);
	}
	const literal = "'" + v.slice(eq + 1).replaceAll("'", "''") + "'";
	sql = sql.replaceAll('${' + v.slice(0, eq) + '}', literal);
}
const left = sql.match(/\$\{[A-Za-z_]+\}/);
if (left) {
	process.stderr.write(`duck.mjs: ${sqlFile}: no value for ${left[0]}\n`);
	process.exit(64);
}

const inst = await DuckDBInstance.create(':memory:',
	threads === 'default' ? {} : { threads: String(threads) });
const con = await inst.connect();
// whole-line -- comments are dropped first: a ';' in one splits nothing
const stmts = sql.replace(/^\s*--.*$/gm, '').split(/;\s*(?:\n|$)/)
	.map((s) => s.trim()).filter(Boolean);
let reader;
for (const s of stmts)
	reader = await con.runAndReadAll(s);
let out = '';
for (const row of reader.getRows())
	out += row.map((v) => (v === null ? '' : String(v))).join('\t') + '\n';
process.stdout.write(out);
