/**
 * The tables and columns that an interface of src/db/schema.ts declares, read with the TypeScript
 * compiler: for each column the kind of value a select returns and whether it may be null. Generated<>
 * and ColumnType<> are unwrapped to their select type.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The kinds of value a column can arrive as in JavaScript. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'json';

export interface DeclaredColumn {
  /** A ValueKind, or the kinds joined with ' | ' when the declared type mixes them, or a type name. */
  kind: string;
  nullable: boolean;
  /** The declared type as written, for messages. */
  declaredAs: string;
}

/** Table name → column name → column, names as the interface spells them (camelCase). */
export type DeclaredSchema = Map<string, Map<string, DeclaredColumn>>;

const SCHEMA_FILE = fileURLToPath(new URL('../../src/db/schema.ts', import.meta.url));
const TSCONFIG_FILE = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));

/** Reads the named interfaces of src/db/schema.ts. */
export function readDeclaredSchemas<Name extends string>(...interfaceNames: Name[]): Record<Name, DeclaredSchema> {
  const program = ts.createProgram([SCHEMA_FILE], compilerOptions());
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(SCHEMA_FILE);
  if (!source) throw new Error(`cannot read ${SCHEMA_FILE}`);
  const schemas = {} as Record<Name, DeclaredSchema>;
  for (const name of interfaceNames) {
    const declaration = source.statements.find(
      (statement): statement is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(statement) && statement.name.text === name,
    );
    if (!declaration) throw new Error(`src/db/schema.ts declares no interface ${name}`);
    schemas[name] = readTables(checker, checker.getTypeAtLocation(declaration));
  }
  return schemas;
}

function compilerOptions(): ts.CompilerOptions {
  const { config, error } = ts.readConfigFile(TSCONFIG_FILE, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, ts.sys.getCurrentDirectory());
  // The schema needs neither the DOM's, Node's nor React's types; leaving them out makes reading it several times faster.
  return { ...options, lib: ['lib.es2024.d.ts'], types: [], jsx: ts.JsxEmit.None };
}

function readTables(checker: ts.TypeChecker, database: ts.Type): DeclaredSchema {
  return new Map(
    database.getProperties().map((table) => [
      table.name,
      new Map(checker.getTypeOfSymbol(table).getProperties().map((column) => [column.name, readColumn(checker, column)])),
    ]),
  );
}

function readColumn(checker: ts.TypeChecker, column: ts.Symbol): DeclaredColumn {
  const declared = checker.getTypeOfSymbol(column);
  const selectProperty = declared.getProperty('__select__');
  const selected = selectProperty ? checker.getTypeOfSymbol(selectProperty) : declared;
  const members = selected.isUnion() ? selected.types : [selected];
  const nonNull = members.filter((member) => !(member.flags & ts.TypeFlags.Null));
  const kinds = [...new Set(nonNull.map((member) => kindOf(checker, member)))];
  return { kind: kinds.join(' | '), nullable: nonNull.length < members.length, declaredAs: checker.typeToString(selected) };
}

function kindOf(checker: ts.TypeChecker, type: ts.Type): string {
  if (type.flags & ts.TypeFlags.StringLike) return 'string';
  if (type.flags & ts.TypeFlags.NumberLike) return 'number';
  if (type.flags & ts.TypeFlags.BooleanLike) return 'boolean';
  // unknown or an object or array type: what the driver makes of a JSON column.
  if (type.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Object)) return 'json';
  return checker.typeToString(type);
}
