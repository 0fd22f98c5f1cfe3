/** The generated `paginateX` of `@dx/paginator/signed`: the paginator's run over a SignedClient. */
import type { PagesOperation, PaginatedOperation, PaginateOver, PaginatePagesOver } from "../paginate.js";
import { pageOperation } from "../paginate.js";
import { PageIterator } from "../page-iterator.js";
import type { PageSender } from "../send.js";
import type { PaginateParams, Path, ResponseMetadata } from "../types.js";
import type { HttpBinding } from "./binding.js";
import { SignedClient } from "./client.js";

/** The signature of a generated `paginateX` of `@dx/paginator/signed`. */
export type SignedPaginate<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  Items extends Path,
  PageSize extends keyof Input & string,
> = PaginateOver<SignedClient, Input, Output & { $metadata: ResponseMetadata }, InputToken, Items, PageSize>;

export type SignedPaginatePages<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  PageSize extends keyof Input & string,
> = PaginatePagesOver<SignedClient, Input, Output & { $metadata: ResponseMetadata }, InputToken, PageSize>;

export function createSignedPaginator<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  OutputToken extends Path,
  Items extends Path,
  PageSize extends keyof Input & string,
>(
  operation: PaginatedOperation<Input, Output, InputToken, OutputToken, Items, PageSize>,
  binding: HttpBinding,
): SignedPaginate<Input, Output, InputToken, Items, PageSize> {
  return signedPaginator<Input, Output, InputToken, Items, PageSize>(operation, binding);
}

export function createSignedPagesPaginator<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  OutputToken extends Path,
  PageSize extends keyof Input & string,
>(
  operation: PagesOperation<Input, Output, InputToken, OutputToken, PageSize>,
  binding: HttpBinding,
): SignedPaginatePages<Input, Output, InputToken, PageSize> {
  return signedPaginator<Input, Output, InputToken, never, PageSize>(operation, binding);
}

function signedPaginator<
  Input extends object,
  Output extends object,
  InputToken extends keyof Input & string,
  Items extends Path,
  PageSize extends keyof Input & string,
>(
  operation: PagesOperation<Input, Output, InputToken, Path, PageSize> & { items?: Path },
  binding: HttpBinding,
): SignedPaginate<Input, Output, InputToken, Items, PageSize> {
  type Page = Output & { $metadata: ResponseMetadata };
  // The run adds $metadata to each page (an envelope sender).
  const op = pageOperation<Input, Page, InputToken, Items, PageSize>(
    operation as unknown as Parameters<typeof pageOperation<Input, Page, InputToken, Items, PageSize>>[0],
  );
  return (client, ...[params, options]) => {
    if (!(client instanceof SignedClient))
      throw new TypeError(`paginate${operation.name}: expected a SignedClient (signedClient({ region, credentials }))`);
    const sender: PageSender<object> = {
      form: "wire",
      envelope: true,
      passErrors: true,
      send: (request, { signal }) => client.send(binding, request as Record<string, unknown>, signal),
    };
    return new PageIterator(op, sender, params ?? ({} as PaginateParams<Input, InputToken, PageSize>), options ?? {});
  };
}
