import type { OpenAPIObject } from '@nestjs/swagger';

/** Names for the parts of an OpenAPI 3.0 document, derived from @nestjs/swagger's exported `OpenAPIObject`. */
type Components = NonNullable<OpenAPIObject['components']>;
type Reference = { $ref: string };

export type PathItem = OpenAPIObject['paths'][string];
export type Operation = NonNullable<PathItem['get']>;
export type SchemaOrRef = NonNullable<Components['schemas']>[string];
export type Schema = Exclude<SchemaOrRef, Reference>;
export type Parameter = Exclude<NonNullable<Operation['parameters']>[number], Reference>;
export type ResponseOrRef = NonNullable<Operation['responses'][string]>;
export type Response = Exclude<ResponseOrRef, Reference>;
export type SecurityScheme = Exclude<NonNullable<Components['securitySchemes']>[string], Reference>;
export type Paths = OpenAPIObject['paths'];
