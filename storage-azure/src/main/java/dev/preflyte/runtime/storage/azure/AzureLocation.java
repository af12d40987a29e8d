package dev.preflyte.runtime.storage.azure;

import dev.preflyte.runtime.storage.ObjectUri;
import dev.preflyte.runtime.storage.UnusableUriException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code abfs://container@account.dfs.core.windows.net/path} (or {@code abfss://}) URI split
 * into its parts. The host may also be the account's Blob host ({@code
 * account.blob.core.windows.net}) or that of another Azure cloud ({@code
 * account.dfs.core.chinacloudapi.cn}); either way the Blob endpoint {@code
 * https://account.blob.<suffix>} serves it. Split by {@link ObjectUri}: blob names may hold spaces,
 * {@code ?} and {@code #}.
 *
 * @param scheme {@code abfs} or {@code abfss}, as written
 * @param container the container (file system) name
 * @param account the storage account name
 * @param endpointSuffix what follows {@code .dfs.} or {@code .blob.} in the host, e.g. {@code core.windows.net}
 * @param path the blob name or name prefix, possibly empty (the whole container)
 */
public record AzureLocation(String scheme, String container, String account, String endpointSuffix, String path) {

  private static final Pattern AUTHORITY = Pattern.compile(
      "([^@/]*)@([^./]+)\\.(dfs|blob)\\.([A-Za-z0-9.-]+)");
  private static final Pattern CONTAINER = Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]|\\$root");
  private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
  private static final String FORM = "abfs://container@account.dfs.core.windows.net/path";

  /** Parses {@code uri}, failing with a message that says what a valid URI looks like. */
  public static AzureLocation parse(String uri) {
    ObjectUri parts = ObjectUri.split(uri, List.of("abfs", "abfss"), "an " + FORM + " URI",
        "an Azure storage URI: use " + FORM + " (or abfss://)");
    String authority = parts.authority();
    Matcher m = AUTHORITY.matcher(authority);
    if (!m.matches()) {
      throw new UnusableUriException("'" + uri + "' does not name a container and account as container@account."
          + "dfs.core.windows.net (or account.blob.core.windows.net): use " + FORM);
    }
    String container = m.group(1);
    String account = m.group(2);
    if (!CONTAINER.matcher(container).matches()) {
      throw new UnusableUriException("'" + uri + "' has an invalid container name '" + container
          + "': container names are 3 to 63 lower-case letters, digits and single hyphens, starting and"
          + " ending with a letter or digit");
    }
    if (!ACCOUNT.matcher(account).matches()) {
      throw new UnusableUriException("'" + uri + "' has an invalid storage account name '" + account
          + "': account names are 3 to 24 lower-case letters and digits");
    }
    return new AzureLocation(parts.scheme(), container, account, m.group(4).toLowerCase(Locale.ROOT), parts.name());
  }

  /** Parses {@code uri} and requires it to name a blob, not a container or folder. */
  public static AzureLocation parseBlob(String uri) {
    AzureLocation location = parse(uri);
    ObjectUri.requireObject(uri, location.path, "a container or folder, not a blob: use " + FORM);
    return location;
  }

  /** The name prefix of everything inside this location taken as a folder ({@code path/}), or empty. */
  public String folderPrefix() {
    return ObjectUri.folderPrefix(path);
  }

  /** The account's Blob endpoint in Azure, e.g. {@code https://account.blob.core.windows.net}. */
  public String blobEndpoint() {
    return "https://" + account + ".blob." + endpointSuffix;
  }

  /** The URI of blob {@code name} in this container, in this location's form. */
  public String uriOf(String name) {
    return scheme + "://" + container + "@" + account + ".dfs." + endpointSuffix + "/" + name;
  }

  /** The same location at another path. */
  public AzureLocation at(String name) {
    return new AzureLocation(scheme, container, account, endpointSuffix, name);
  }
}
