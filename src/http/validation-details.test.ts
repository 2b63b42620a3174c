import { describe, expect, it } from 'vitest';
import { fieldErrorsFrom } from './validation-details.ts';

describe('fieldErrorsFrom', () => {
  it('folds a list of allowed values into one enum, and keeps the deeper failure of a union', () => {
    expect(
      fieldErrorsFrom(
        [
          {
            instancePath: '/a',
            schemaPath: '#/properties/a/anyOf/0/const',
            keyword: 'const',
            params: {},
          },
          {
            instancePath: '/a',
            schemaPath: '#/properties/a/anyOf/1/const',
            keyword: 'const',
            params: {},
          },
          { instancePath: '/a', schemaPath: '#/properties/a/anyOf', keyword: 'anyOf', params: {} },
        ],
        'body',
      ),
    ).toEqual([{ field: 'a', rule: 'enum', in: 'body' }]);
    expect(
      fieldErrorsFrom(
        [
          {
            instancePath: '/b/q',
            schemaPath: '#/properties/b/anyOf/0/properties/q/maxLength',
            keyword: 'maxLength',
            params: { limit: 3 },
          },
          {
            instancePath: '/b',
            schemaPath: '#/properties/b/anyOf/1/type',
            keyword: 'type',
            params: {},
          },
          { instancePath: '/b', schemaPath: '#/properties/b/anyOf', keyword: 'anyOf', params: {} },
        ],
        'querystring',
      ),
    ).toEqual([{ field: 'b.q', rule: 'maxLength', limit: 3, in: 'querystring' }]);
    expect(
      fieldErrorsFrom(
        [
          {
            instancePath: '/b',
            schemaPath: '#/properties/b/anyOf/0/type',
            keyword: 'type',
            params: {},
          },
          {
            instancePath: '/b',
            schemaPath: '#/properties/b/anyOf/1/type',
            keyword: 'type',
            params: {},
          },
          { instancePath: '/b', schemaPath: '#/properties/b/anyOf', keyword: 'anyOf', params: {} },
        ],
        undefined,
      ),
    ).toEqual([{ field: 'b', rule: 'type', in: 'body' }]);
  });

  it('names a missing property under its object, and unescapes JSON pointers', () => {
    expect(
      fieldErrorsFrom(
        [
          {
            instancePath: '/about',
            schemaPath: '#/properties/about/required',
            keyword: 'required',
            params: { missingProperty: 'name' },
          },
          {
            instancePath: '/a~1b',
            schemaPath: '#/x',
            keyword: 'format',
            params: { format: 'uri' },
          },
        ],
        'body',
      ),
    ).toEqual([
      { field: 'about.name', rule: 'required', in: 'body' },
      { field: 'a/b', rule: 'url', in: 'body' },
    ]);
  });
});
