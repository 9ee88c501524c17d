import type {
  IntrospectionField,
  IntrospectionInputTypeRef,
  IntrospectionSchema,
  IntrospectionType,
  IntrospectionTypeRef,
} from 'graphql';

type AnyTypeRef = IntrospectionTypeRef | IntrospectionInputTypeRef;

/** Prints a type reference as GraphQL source, e.g. `[EmployeeSort!]`. */
export const printTypeRef = (ref: AnyTypeRef): string => {
  switch (ref.kind) {
    case 'NON_NULL':
      return `${printTypeRef(ref.ofType)}!`;
    case 'LIST':
      return `[${printTypeRef(ref.ofType)}]`;
    default:
      return ref.name;
  }
};

/** The named type under any list / non-null wrappers. */
export const namedTypeOf = (ref: AnyTypeRef): string =>
  ref.kind === 'NON_NULL' || ref.kind === 'LIST' ? namedTypeOf(ref.ofType) : ref.name;

/**
 * Lookups over the schema file the console ships with (introspection is off in production, so the
 * schema comes from admin/src/schema.generated.json rather than from the server at run time).
 */
export class SchemaIndex {
  private readonly types = new Map<string, IntrospectionType>();
  private readonly rootFields = new Map<string, IntrospectionField>();

  constructor(schema: IntrospectionSchema) {
    for (const type of schema.types) this.types.set(type.name, type);
    for (const root of [schema.queryType.name, schema.mutationType?.name]) {
      const type = root ? this.types.get(root) : undefined;
      if (type && type.kind === 'OBJECT') for (const field of type.fields) this.rootFields.set(field.name, field);
    }
  }

  hasRootField(name: string): boolean {
    return this.rootFields.has(name);
  }

  /** The arguments among `args` that a root field accepts (e.g. lists without a sort). */
  acceptedArgs(rootField: string, args: readonly string[]): string[] {
    const field = this.rootFields.get(rootField);
    return field ? args.filter((a) => field.args.some((x) => x.name === a)) : [];
  }

  rootField(name: string): IntrospectionField {
    const field = this.rootFields.get(name);
    if (!field) throw new Error(`The schema has no root field ${name}`);
    return field;
  }

  /** `$filter: EmployeeFilter, $first: Int` for the named arguments of a root field. */
  variableDefinitions(rootField: string, args: readonly string[]): string {
    const field = this.rootField(rootField);
    return args
      .map((name) => {
        const arg = field.args.find((a) => a.name === name);
        if (!arg) throw new Error(`${rootField} has no argument ${name}`);
        return `$${name}: ${printTypeRef(arg.type)}`;
      })
      .join(', ');
  }

  argTypeName(rootField: string, arg: string): string {
    const found = this.rootField(rootField).args.find((a) => a.name === arg);
    if (!found) throw new Error(`${rootField} has no argument ${arg}`);
    return namedTypeOf(found.type);
  }

  inputFieldNames(typeName: string): string[] {
    const type = this.types.get(typeName);
    return type && type.kind === 'INPUT_OBJECT' ? type.inputFields.map((f) => f.name) : [];
  }

  /** The type of one input field, e.g. EmployeeSort.field -> EmployeeSortField. */
  inputFieldType(typeName: string, field: string): string | undefined {
    const type = this.types.get(typeName);
    if (!type || type.kind !== 'INPUT_OBJECT') return undefined;
    const found = type.inputFields.find((f) => f.name === field);
    return found ? namedTypeOf(found.type) : undefined;
  }

  enumValues(typeName: string): string[] {
    const type = this.types.get(typeName);
    return type && type.kind === 'ENUM' ? type.enumValues.map((v) => v.name) : [];
  }
}
