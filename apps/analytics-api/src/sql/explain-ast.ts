/**
 * Reads the text ClickHouse prints for `EXPLAIN AST` (one node per line, one space of indent
 * per level, `Type [name] [(alias a)] [(children n)]`) back into a tree. Pure; anything it
 * cannot read exactly, including a child count that does not add up, is an error, so the
 * policy check never works on a tree that differs from the one ClickHouse parsed.
 */

export interface AstNode {
  /** Node class without the `AST` prefix: SelectWithUnionQuery, TableIdentifier, Function, ... */
  type: string;
  /** What follows the type: a table or function name, a literal, an identifier; '' if none. */
  text: string;
  alias: string | undefined;
  children: AstNode[];
}

export class ExplainAstError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExplainAstError';
  }
}

interface ParsedLine {
  depth: number;
  node: AstNode;
  declaredChildren: number;
}

const CHILDREN_SUFFIX = / +\(children (\d+)\)$/;
const ALIAS_START = ' (alias ';

function parseLine(line: string, index: number): ParsedLine {
  const depth = line.length - line.trimStart().length;
  let rest = line.slice(depth);
  let declaredChildren = 0;
  const children = CHILDREN_SUFFIX.exec(rest);
  if (children !== null) {
    declaredChildren = Number(children[1]);
    rest = rest.slice(0, children.index);
  }
  const space = rest.indexOf(' ');
  const type = space === -1 ? rest : rest.slice(0, space);
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(type)) {
    throw new ExplainAstError(`line ${index + 1} of the syntax tree is not a node: ${line}`);
  }
  let text = space === -1 ? '' : rest.slice(space + 1);
  let alias: string | undefined;
  // The last alias suffix: a name that itself contains one then fails the plain-name rules
  // (the safe side), instead of a prefix of it passing for the name.
  const aliasAt = text.lastIndexOf(ALIAS_START);
  if (aliasAt !== -1 && text.endsWith(')')) {
    alias = text.slice(aliasAt + ALIAS_START.length, -1);
    text = text.slice(0, aliasAt);
  }
  return { depth, node: { type, text, alias, children: [] }, declaredChildren };
}

/** The tree of the one statement `EXPLAIN AST` printed, from its lines. */
export function parseExplainAst(lines: readonly string[]): AstNode {
  const parsed = lines.filter((line) => line.trim().length > 0).map(parseLine);
  const root = parsed[0];
  if (root === undefined) throw new ExplainAstError('the syntax tree is empty');
  if (root.depth !== 0) throw new ExplainAstError('the syntax tree does not start at its root');
  const stack: ParsedLine[] = [root];
  for (const line of parsed.slice(1)) {
    if (line.depth === 0) throw new ExplainAstError('more than one statement');
    while (stack.length > line.depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent === undefined || stack.length !== line.depth) {
      throw new ExplainAstError(`a node is indented deeper than its parent: ${line.node.type}`);
    }
    parent.node.children.push(line.node);
    stack.push(line);
  }
  for (const line of parsed) {
    if (line.node.children.length !== line.declaredChildren) {
      throw new ExplainAstError(
        `node ${line.node.type} declares ${line.declaredChildren} children but has ${line.node.children.length}`,
      );
    }
  }
  return root.node;
}
