using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace TakeUp.Storage;

/// <summary>The Queue service's XML: the message body it accepts and the message lists it returns.</summary>
internal static class QueueMessageXml
{
    public static byte[] WriteMessage(string encodedText)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartElement("QueueMessage");
            writer.WriteElementString("MessageText", encodedText);
            writer.WriteEndElement();
        }

        return stream.ToArray();
    }

    public static IReadOnlyList<XElement> ReadMessages(BinaryData content)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(content.ToString());
        }
        catch (XmlException ex)
        {
            throw new FormatException("The Queue service returned a message list that is not XML.", ex);
        }

        return document.Root?.Elements("QueueMessage").ToList() ?? [];
    }

    public static string Required(XElement message, string name) =>
        message.Element(name)?.Value ?? throw new FormatException($"The Queue service returned a message without {name}.");

    public static DateTimeOffset? Time(XElement message, string name) =>
        message.Element(name)?.Value is { Length: > 0 } text ? StorageDate.ParseRfc1123(text) : null;

    public static DateTimeOffset RequiredTime(XElement message, string name) =>
        Time(message, name) ?? throw new FormatException($"The Queue service returned a message without {name}.");

    public static long DequeueCount(XElement message) =>
        long.Parse(Required(message, "DequeueCount"), NumberStyles.None, CultureInfo.InvariantCulture);
}
