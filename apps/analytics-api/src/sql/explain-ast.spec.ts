import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExplainAstError, parseExplainAst } from './explain-ast';

// Printed by chdb 3.4 for: SELECT a FROM learnpulse.t1 AS x JOIN merge('learnpulse', '^l') AS m USING a
const JOIN_TREE = `SelectWithUnionQuery (children 1)
 ExpressionList (children 1)
  SelectQuery (children 2)
   ExpressionList (children 1)
    Identifier a
   TablesInSelectQuery (children 2)
    TablesInSelectQueryElement (children 1)
     TableExpression (children 1)
      TableIdentifier learnpulse.t1 (alias x)
    TablesInSelectQueryElement (children 2)
     TableExpression (children 1)
      Function merge (alias m) (children 1)
       ExpressionList (children 2)
        Literal 'learnpulse'
        Literal '^l'
     TableJoin (children 1)
      ExpressionList (children 1)
       Identifier a
`.split('\n');

describe('parseExplainAst', () => {
  it('rebuilds the tree with types, names and aliases', () => {
    const root = parseExplainAst(JOIN_TREE);
    assert.equal(root.type, 'SelectWithUnionQuery');
    const tables = root.children[0]?.children[0]?.children[1];
    assert.equal(tables?.type, 'TablesInSelectQuery');
    const [first, second] = tables.children;
    assert.deepEqual(first?.children[0]?.children[0], {
      type: 'TableIdentifier',
      text: 'learnpulse.t1',
      alias: 'x',
      children: [],
    });
    const merge = second?.children[0]?.children[0];
    assert.equal(merge?.type, 'Function');
    assert.equal(merge.text, 'merge');
    assert.equal(merge.alias, 'm');
    assert.deepEqual(
      merge.children[0]?.children.map((child) => child.text),
      ["'learnpulse'", "'^l'"],
    );
  });

  it('reads statement nodes with extra spaces and no children', () => {
    const root = parseExplainAst(['InsertQuery   (children 1)', ' Identifier t']);
    assert.equal(root.type, 'InsertQuery');
    assert.equal(root.children[0]?.text, 't');
    assert.equal(parseExplainAst(['Set']).type, 'Set');
  });

  it('takes only the last alias suffix as the alias, so a quoted name keeps its odd part', () => {
    // FROM learnpulse.`x (alias y)` AS `q z`
    const root = parseExplainAst([
      'TableExpression (children 1)',
      ' TableIdentifier learnpulse.x (alias y) (alias q z)',
    ]);
    assert.deepEqual(root.children[0], {
      type: 'TableIdentifier',
      text: 'learnpulse.x (alias y)',
      alias: 'q z',
      children: [],
    });
  });

  it('refuses a tree whose child counts do not add up', () => {
    assert.throws(
      () => parseExplainAst(['SelectWithUnionQuery (children 2)', ' ExpressionList']),
      (error: unknown) =>
        error instanceof ExplainAstError && /declares 2 children but has 1/.test(error.message),
    );
  });

  it('refuses a second root (a second statement) and a line that is not a node', () => {
    assert.throws(() => parseExplainAst(['Set', 'Set']), /more than one statement/);
    assert.throws(
      () => parseExplainAst(['SelectWithUnionQuery (children 1)', '"quoted"']),
      /not a node/,
    );
    assert.throws(() => parseExplainAst(['Set', '   Literal 1']), /indented deeper/);
    assert.throws(() => parseExplainAst([]), /empty/);
  });
});
