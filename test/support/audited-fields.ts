/**
 * The names of the fields an audit event can carry, read from the register's code by the TypeScript compiler:
 * the properties of what every call that records an event gives as its `before`, `after` and `detail` (an
 * `AuditEntry`), the warnings it gives as confirmed, which the detail keeps under their own name, and of the
 * record source an import adds to the detail (`AuditContext.recordSource`), with
 * the properties of the objects and lists of objects within them. What such a call gives through a parameter
 * of its function is read at that function's calls, and what it gives as the type parameter its function
 * answers with (a step generic over kinds of record) as the record each call answers with. A value whose fields cannot be read from its type
 * (unknown, any, a record keyed by any string) is named by its place, so that it is given a type.
 */
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const AUDITED = new Set(['before', 'after', 'detail']);
/** What an entry gives that its event's detail keeps as a field of that name. */
const IN_DETAIL = new Set(['confirmedWarnings']);
const isAudited = (name: string) => AUDITED.has(name) || IN_DETAIL.has(name);

export interface AuditedFields {
  /** The fields of the records and details themselves: what the page lists. */
  fields: Set<string>;
  /** The fields of the objects within them (a contract's milestones, an import's counts). */
  nested: Map<string, Set<string>>;
  /** Places whose value's fields cannot be read from its type. */
  unreadable: string[];
}

export function auditedFields(): AuditedFields {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => { throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')); } })!;
  const sources = config.fileNames.filter((file) => file.startsWith(join(ROOT, 'src') + '/') && !file.endsWith('.test.ts'));
  const program = ts.createProgram(sources, config.options);
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((file) => sources.includes(file.fileName));
  const result: AuditedFields = { fields: new Set(), nested: new Map(), unreadable: [] };
  const place = (node: ts.Node) => {
    const file = node.getSourceFile();
    return `${relative(ROOT, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  };

  // The calls of each function by the name they call it by, to read what a parameter is given.
  const calls = new Map<string, ts.CallExpression[]>();
  const entries: ts.ObjectLiteralExpression[] = [];
  const contexts: ts.ObjectLiteralExpression[] = [];
  for (const file of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : ts.isIdentifier(node.expression) ? node.expression.text : undefined;
        if (callee) calls.set(callee, [...(calls.get(callee) ?? []), node]);
      }
      if (ts.isObjectLiteralExpression(node)) {
        const names = new Set(node.properties.map((property) => property.name && ts.isIdentifier(property.name) ? property.name.text : ''));
        if (names.has('action') && names.has('result')) entries.push(node);
        if (names.has('recordSource')) contexts.push(node);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  const isNamed = (type: ts.Type | undefined, name: string): boolean =>
    type !== undefined && (type.isUnion() ? type.types.some((member) => isNamed(member, name)) : (type.aliasSymbol ?? type.getSymbol())?.getName() === name);

  /** The symbol a function is called by: its own name, or the name of the variable it is given to. */
  const functionSymbol = (parameter: ts.ParameterDeclaration): ts.Symbol | undefined => {
    const fn = parameter.parent;
    if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name) return checker.getSymbolAtLocation(fn.name);
    if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent)) return checker.getSymbolAtLocation(fn.parent.name);
    return undefined;
  };
  const resolved = (symbol: ts.Symbol | undefined) => (symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  /** The calls of a function, by whatever name they import it. */
  const callsOf = (fn: ts.Symbol): ts.CallExpression[] =>
    calls.get(fn.getName())?.filter((call) => resolved(checker.getSymbolAtLocation(ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression)) === fn) ?? [];

  /** The types an expression can have: through a parameter, those of the arguments its function's calls give it. */
  const typesOf = (expression: ts.Expression | ts.ShorthandPropertyAssignment, seen = new Set<ts.Node>()): { type: ts.Type; node: ts.Node }[] => {
    if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isNonNullExpression(expression)) return typesOf(expression.expression, seen);
    if ((ts.isIdentifier(expression) || ts.isShorthandPropertyAssignment(expression)) && !seen.has(expression)) {
      // A shorthand property ({ after }) names the variable it takes its value from.
      const variable = ts.isShorthandPropertyAssignment(expression) ? checker.getShorthandAssignmentValueSymbol(expression) : checker.getSymbolAtLocation(expression);
      const declaration = variable?.valueDeclaration;
      if (declaration && ts.isParameter(declaration) && ts.isIdentifier(declaration.name)) {
        const fn = resolved(functionSymbol(declaration));
        const index = (declaration.parent as ts.SignatureDeclaration).parameters.indexOf(declaration);
        const given = fn ? callsOf(fn) : [];
        const argumentsGiven = given.flatMap((call) => (call.arguments[index] ? [call.arguments[index]] : []));
        if (argumentsGiven.length > 0) return argumentsGiven.flatMap((argument) => typesOf(argument, new Set([...seen, expression])));
      }
    }
    return [{ type: checker.getTypeAtLocation(expression), node: expression }];
  };

  /** A class or interface of the language or a library (a Date, a Uint8Array), whose members are no fields of a record. */
  const isLibraryClass = (type: ts.Type) => {
    const symbol = type.getSymbol();
    return (
      symbol !== undefined &&
      (symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) !== 0 &&
      (symbol.getDeclarations() ?? []).some((declaration) => program.isSourceFileDefaultLibrary(declaration.getSourceFile()) || declaration.getSourceFile().fileName.includes('/node_modules/'))
    );
  };

  /**
   * The types a function's type parameter is given at its calls, where the function answers with it (the record of each kind
   * a step generic over kinds writes, such as correctAtVersion); none where it answers with something else.
   */
  const instancesOf = (parameter: ts.Type): { type: ts.Type; node: ts.Node }[] => {
    const fn = parameter.getSymbol()?.declarations?.find(ts.isTypeParameterDeclaration)?.parent;
    if (!fn || !ts.isFunctionDeclaration(fn) || !fn.name) return [];
    if (checker.getAwaitedType(checker.getSignatureFromDeclaration(fn)!.getReturnType()) !== parameter) return [];
    return callsOf(checker.getSymbolAtLocation(fn.name)!).map((call) => ({ type: checker.getAwaitedType(checker.getResolvedSignature(call)!.getReturnType())!, node: call }));
  };

  /** Adds the fields of a type to `into`, and those of the objects within it to `result.nested` under their field. */
  const addFields = (type: ts.Type, node: ts.Node, into: Set<string>, topLevel: boolean, seen: Set<ts.Type>): void => {
    if (seen.has(type)) return;
    seen = new Set([...seen, type]);
    const instances = type.flags & ts.TypeFlags.TypeParameter ? instancesOf(type) : [];
    if (instances.length > 0) {
      for (const instance of instances) addFields(instance.type, instance.node, into, topLevel, seen);
      return;
    }
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter)) {
      result.unreadable.push(`${place(node)} (${checker.typeToString(type)})`);
      return;
    }
    if (type.isUnion() || type.isIntersection()) {
      for (const member of type.types) addFields(member, node, into, topLevel, seen);
      return;
    }
    if (!(type.flags & ts.TypeFlags.Object)) return;
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      for (const element of checker.getTypeArguments(type as ts.TypeReference)) addFields(element, node, into, topLevel, seen);
      return;
    }
    const properties = checker.getPropertiesOfType(type);
    if (properties.length === 0 && checker.getIndexInfosOfType(type).length > 0) {
      // A record keyed by its data (a violation's parameters) has no field names to read; a whole value so is unreadable.
      if (topLevel) result.unreadable.push(`${place(node)} (${checker.typeToString(type)})`);
      return;
    }
    if (isLibraryClass(type)) return;
    for (const property of properties) addField(property.getName(), checker.getTypeOfSymbolAtLocation(property, node), node, into, seen);
  };

  /** Adds a field to `into`, and the fields of its value to `result.nested` under its name. */
  const addField = (name: string, type: ts.Type, node: ts.Node, into: Set<string>, seen: Set<ts.Type>): void => {
    into.add(name);
    const within = result.nested.get(name) ?? new Set<string>();
    addFields(type, node, within, false, seen);
    if (within.size > 0) result.nested.set(name, within);
  };

  /** The audited values of an event's entry by their name, also those spread into it (`...(detail ? { detail } : {})`). */
  const auditedValues = (literal: ts.ObjectLiteralExpression): { name: string; value: ts.Expression | ts.ShorthandPropertyAssignment }[] =>
    literal.properties.flatMap((property) => {
      if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && isAudited(property.name.text)) return [{ name: property.name.text, value: property.initializer }];
      if (ts.isShorthandPropertyAssignment(property) && isAudited(property.name.text)) return [{ name: property.name.text, value: property }];
      if (ts.isSpreadAssignment(property)) return spreadLiterals(property.expression).flatMap(auditedValues);
      return [];
    });
  const spreadLiterals = (expression: ts.Expression): ts.ObjectLiteralExpression[] => {
    if (ts.isParenthesizedExpression(expression)) return spreadLiterals(expression.expression);
    if (ts.isConditionalExpression(expression)) return [...spreadLiterals(expression.whenTrue), ...spreadLiterals(expression.whenFalse)];
    return ts.isObjectLiteralExpression(expression) ? [expression] : [];
  };

  for (const entry of entries.filter((literal) => isNamed(checker.getContextualType(literal), 'AuditEntry'))) {
    for (const { name, value } of auditedValues(entry)) {
      for (const { type, node } of typesOf(value)) {
        if (IN_DETAIL.has(name)) addField(name, type, node, result.fields, new Set());
        else addFields(type, node, result.fields, true, new Set());
      }
    }
  }
  for (const context of contexts) {
    const source = context.properties.find((property): property is ts.PropertyAssignment => ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'recordSource');
    if (source) for (const { type, node } of typesOf(source.initializer)) addFields(type, node, result.fields, true, new Set());
  }
  return result;
}
