import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AstNode } from './explain-ast';
import { checkSqlPolicy, type SqlPolicy } from './sql-policy';

const POLICY: SqlPolicy = {
  database: 'learnpulse',
  allowedTables: new Set(['learning_events', 'course_daily_activity']),
  existingTables: new Set([
    'learning_events',
    'course_daily_activity',
    'course_daily_activity_mv',
    'sink_offsets',
  ]),
};

function node(type: string, text = '', children: AstNode[] = [], alias?: string): AstNode {
  return { type, text, alias, children };
}

/** SELECT <expressions> FROM <table expressions>, as EXPLAIN AST shapes it. */
function select(tables: AstNode[], expressions: AstNode[] = [node('Asterisk')]): AstNode {
  const from = node(
    'TablesInSelectQuery',
    '',
    tables.map((table) =>
      node('TablesInSelectQueryElement', '', [node('TableExpression', '', [table])]),
    ),
  );
  return node('SelectWithUnionQuery', '', [
    node('ExpressionList', '', [
      node('SelectQuery', '', [node('ExpressionList', '', expressions), from]),
    ]),
  ]);
}

const table = (name: string): AstNode => node('TableIdentifier', name);
const call = (name: string, ...args: AstNode[]): AstNode =>
  node('Function', name, [node('ExpressionList', '', args)]);

function reason(root: AstNode): string {
  const verdict = checkSqlPolicy(root, POLICY);
  if (verdict.ok) assert.fail(`allowed: ${JSON.stringify(verdict.tables)}`);
  return verdict.reason;
}

describe('checkSqlPolicy', () => {
  it('allows a SELECT of readable tables, plain or qualified, and lists them', () => {
    assert.deepEqual(
      checkSqlPolicy(
        select([table('learning_events'), table('learnpulse.course_daily_activity')]),
        POLICY,
      ),
      { ok: true, tables: ['course_daily_activity', 'learning_events'] },
    );
  });

  it('allows an unknown plain name (a WITH name) but not an existing unreadable table', () => {
    assert.deepEqual(checkSqlPolicy(select([table('recent')]), POLICY), { ok: true, tables: [] });
    assert.equal(reason(select([table('sink_offsets')])), 'table sink_offsets is not readable');
    assert.equal(
      reason(select([table('course_daily_activity_mv')])),
      'table course_daily_activity_mv is not readable',
    );
  });

  it('refuses other databases and names that are not plain identifiers', () => {
    assert.match(
      reason(select([table('system.tables')])),
      /only tables of the learnpulse database/,
    );
    assert.match(reason(select([table('other.learning_events')])), /only tables of the learnpulse/);
    assert.match(reason(select([table('learnpulse.sink_offsets')])), /is not readable/);
    assert.match(reason(select([table('learnpulse.x (alias y)')])), /plain identifiers/);
    assert.match(reason(select([table('a.b.c')])), /plain identifiers/);
  });

  it('refuses every table function, numbers() included', () => {
    for (const name of ['merge', 'remote', 'file', 'url', 'numbers', 'view', 'input', 'cluster']) {
      assert.equal(reason(select([call(name)])), `table functions are not allowed: ${name}()`);
    }
  });

  it('refuses scalar functions that read files, dictionaries, Join tables or settings, in any case', () => {
    for (const name of [
      'file',
      'FILE',
      'dictGet',
      'dictGetString',
      'DICTHAS',
      'joinGet',
      'getSetting',
      '__scalarSubqueryResult',
    ]) {
      assert.equal(
        reason(select([table('learning_events')], [call(name)])),
        `function ${name}() is not allowed`,
      );
    }
    assert.equal(
      checkSqlPolicy(select([table('learning_events')], [call('count')]), POLICY).ok,
      true,
    );
  });

  it('refuses IN with a table name, allows IN with a subquery or a list', () => {
    const inTable = call('in', node('Identifier', 'tenant'), node('Identifier', 'sink_offsets'));
    assert.match(reason(select([table('learning_events')], [inTable])), /IN needs a subquery/);
    const inList = call('notIn', node('Identifier', 'tenant'), node('Literal', "Tuple_('a', 'b')"));
    assert.equal(checkSqlPolicy(select([table('learning_events')], [inList]), POLICY).ok, true);
  });

  it('looks inside subqueries', () => {
    const inner = select([call('merge')]);
    const outer = select([node('Subquery', '', [inner], 's')]);
    assert.match(reason(outer), /table functions.*merge/);
  });

  it('refuses SETTINGS, FORMAT and INTO OUTFILE', () => {
    const withSettings = select([table('learning_events')]);
    withSettings.children[0]?.children[0]?.children.push(node('Set'));
    assert.match(reason(withSettings), /SETTINGS clause is not allowed/);
    const withFormat = select([table('learning_events')]);
    withFormat.children.push(node('Identifier', 'CSV'));
    assert.match(reason(withFormat), /FORMAT clause/);
    const withOutfile = select([table('learning_events')]);
    withOutfile.children.push(node('Literal', "'/tmp/x'"), node('Identifier', 'CSV'));
    assert.equal(reason(withOutfile), 'INTO OUTFILE is not allowed');
  });

  it('names the statement it refuses', () => {
    assert.equal(reason(node('InsertQuery')), 'only a SELECT statement is allowed, not INSERT');
    assert.equal(reason(node('AlterQuery')), 'only a SELECT statement is allowed, not ALTER');
    assert.equal(reason(node('CreateQuery')), 'only a SELECT statement is allowed, not CREATE');
    assert.equal(reason(node('DropQuery')), 'only a SELECT statement is allowed, not DROP');
    assert.equal(reason(node('Set')), 'only a SELECT statement is allowed, not SET');
    assert.equal(reason(node('ShowTables')), 'only a SELECT statement is allowed, not SHOW TABLES');
  });
});
