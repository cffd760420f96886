import { ACCESS_METADATA } from '@botdeck/core';
import { Controller, Get, RequestMethod } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { startApi, TestApi } from '../support/api';

interface RouteInfo {
  route: string;
  declared: boolean;
}

/** Every HTTP handler of the given controllers, and whether it declares its access. */
function routesOf(
  controllers: Array<{ instance: object; metatype: object & { name: string } }>,
): RouteInfo[] {
  const scanner = new MetadataScanner();
  return controllers.flatMap(({ instance, metatype }) => {
    const prototype = Object.getPrototypeOf(instance) as object;
    const classAccess: unknown = Reflect.getMetadata(ACCESS_METADATA, metatype);
    return scanner.getAllMethodNames(prototype).flatMap((name) => {
      const handler = (prototype as Record<string, unknown>)[name] as object;
      if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const handlerAccess: unknown = Reflect.getMetadata(ACCESS_METADATA, handler);
      return [
        {
          route: `${method} ${metatype.name}.${name}`,
          declared: handlerAccess !== undefined || classAccess !== undefined,
        },
      ];
    });
  });
}

@Controller('undeclared')
class UndeclaredController {
  @Get()
  open(): string {
    return 'should never be reachable';
  }
}

describe('every route declares its access', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('finds no route without @Public() or @Roles() on the handler or its controller', () => {
    // The app's own module graph, as Nest's DiscoveryService walks it.
    const discovery = new DiscoveryService(api.app.get(ModulesContainer));
    const controllers = discovery
      .getControllers()
      .filter((wrapper) => wrapper.instance && wrapper.metatype)
      .map((wrapper) => ({
        instance: wrapper.instance as object,
        metatype: wrapper.metatype as object & { name: string },
      }));
    const routes = routesOf(controllers);

    // The walk really sees the API's routes…
    expect(routes.map((r) => r.route)).toEqual(
      expect.arrayContaining(['POST AuthController.login', 'GET UsersController.list']),
    );
    // …and none of them is undeclared.
    expect(routes.filter((r) => !r.declared).map((r) => r.route)).toEqual([]);
  });

  it('would flag a controller that declares nothing', () => {
    const routes = routesOf([
      { instance: new UndeclaredController(), metatype: UndeclaredController },
    ]);
    expect(routes).toEqual([{ route: 'GET UndeclaredController.open', declared: false }]);
  });
});
