namespace TakeUp.Storage.Tests.Unit;

public sealed class StorageConnectionTests
{
    private const string Key = "c2VjcmV0LWtleS1ub3QtZm9yLWxvZ3MtMTIzNDU2Nzg5MA==";

    [Fact]
    public void Development_storage_means_Azurite_on_its_default_ports_with_the_well_known_account()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true");

        Assert.True(connection.IsDevelopmentStorage);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), connection.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), connection.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), connection.TableEndpoint);
        Assert.Equal("devstoreaccount1", connection.Credential?.AccountName);
    }

    [Fact]
    public void An_account_key_string_derives_https_endpoints_from_the_account_name()
    {
        var connection = StorageConnection.Parse($"DefaultEndpointsProtocol=https;AccountName=takeup;AccountKey={Key};");

        Assert.False(connection.IsDevelopmentStorage);
        Assert.Equal(new Uri("https://takeup.table.core.windows.net"), connection.TableEndpoint);
        Assert.Equal(new Uri("https://takeup.queue.core.windows.net"), connection.QueueEndpoint);
        Assert.Equal(new Uri("https://takeup.blob.core.windows.net"), connection.BlobEndpoint);
        Assert.Equal("takeup", connection.Credential?.AccountName);
    }

    [Fact]
    public void The_endpoint_suffix_and_protocol_are_honoured_and_setting_names_ignore_case()
    {
        var connection = StorageConnection.Parse($"defaultendpointsprotocol=http;accountname=takeup;accountkey={Key};endpointsuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("http://takeup.table.core.chinacloudapi.cn"), connection.TableEndpoint);
        Assert.Equal(new Uri("http://takeup.queue.core.chinacloudapi.cn"), connection.QueueEndpoint);
    }

    [Fact]
    public void Explicit_endpoints_win_and_keep_their_path_style_account_segment()
    {
        var connection = StorageConnection.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
            "TableEndpoint=http://127.0.0.1:50002/devstoreaccount1/;QueueEndpoint=http://127.0.0.1:50001/devstoreaccount1");

        Assert.Equal("http://127.0.0.1:50002/devstoreaccount1", connection.TableEndpoint.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:50001/devstoreaccount1", connection.QueueEndpoint.AbsoluteUri);
        Assert.Equal(new Uri("http://devstoreaccount1.blob.core.windows.net"), connection.BlobEndpoint);
    }

    [Fact]
    public void A_missing_account_key_is_named_in_the_error()
    {
        var error = Assert.Throws<FormatException>(() => StorageConnection.Parse("DefaultEndpointsProtocol=https;AccountName=takeup"));

        Assert.Contains("AccountKey", error.Message);
        Assert.Contains("takeup", error.Message);
    }

    [Fact]
    public void A_missing_account_name_is_named_in_the_error()
    {
        var error = Assert.Throws<FormatException>(() => StorageConnection.Parse($"AccountKey={Key}"));

        Assert.Contains("AccountName", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_connection_string_is_refused_with_a_hint(string connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => StorageConnection.Parse(connectionString));

        Assert.Contains("UseDevelopmentStorage=true", error.Message);
    }

    [Fact]
    public void Development_storage_cannot_be_combined_with_other_settings()
    {
        var error = Assert.Throws<FormatException>(() => StorageConnection.Parse("UseDevelopmentStorage=true;AccountName=x"));

        Assert.Contains("AccountName", error.Message);
    }

    [Fact]
    public void Shared_access_signatures_are_refused_as_unsupported()
    {
        var error = Assert.Throws<FormatException>(() =>
            StorageConnection.Parse("TableEndpoint=https://a.table.core.windows.net;QueueEndpoint=https://a.queue.core.windows.net;SharedAccessSignature=sv=2020&sig=abc"));

        Assert.Contains("SharedAccessSignature", error.Message);
    }

    [Fact]
    public void The_account_key_never_appears_in_text()
    {
        var connection = StorageConnection.Parse($"AccountName=takeup;AccountKey={Key}");
        var duplicate = Assert.Throws<FormatException>(() => StorageConnection.Parse($"AccountName=takeup;AccountKey={Key};AccountKey={Key}"));
        var malformed = Assert.Throws<FormatException>(() => StorageConnection.Parse($"AccountName=takeup;{Key.TrimEnd('=')}"));
        var notBase64 = Assert.Throws<FormatException>(() => StorageConnection.Parse("AccountName=takeup;AccountKey=not*base64*secret"));

        Assert.DoesNotContain(Key, connection.ToString());
        Assert.DoesNotContain(Key, connection.Credential!.ToString());
        Assert.DoesNotContain(Key, duplicate.Message);
        Assert.DoesNotContain(Key.TrimEnd('='), malformed.Message);
        Assert.DoesNotContain("not*base64*secret", notBase64.ToString());
    }

    [Fact]
    public void Endpoints_without_a_key_are_for_token_credentials_and_cannot_build_a_keyed_client()
    {
        var connection = StorageConnection.Parse("TableEndpoint=https://a.table.core.windows.net;QueueEndpoint=https://a.queue.core.windows.net");

        Assert.Null(connection.Credential);
        var error = Assert.Throws<ArgumentException>(() => new TableServiceClient("TableEndpoint=https://a.table.core.windows.net;QueueEndpoint=https://a.queue.core.windows.net"));
        Assert.Contains("TokenCredential", error.Message);
    }

    [Fact]
    public void An_endpoint_that_is_not_an_http_address_is_named_in_the_error()
    {
        var error = Assert.Throws<FormatException>(() => StorageConnection.Parse($"AccountName=a;AccountKey={Key};TableEndpoint=ftp://a/b"));

        Assert.Contains("TableEndpoint", error.Message);
    }
}
