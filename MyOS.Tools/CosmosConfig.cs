using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace MyOS.Tools
{
    /// <summary>
    /// The settings of Cosmos.config (an MSBuild property file) as the build sees them when no
    /// setting is given on its command line: each property's value, or the default given for an
    /// empty or missing one.
    /// </summary>
    public sealed class CosmosConfig
    {
        private readonly XDocument _document;

        private CosmosConfig(XDocument document) => _document = document;

        /// <summary>Reads <paramref name="path"/>; throws with the file's name if it is not XML.</summary>
        public static CosmosConfig Load(string path)
        {
            try
            {
                return new CosmosConfig(XDocument.Load(path));
            }
            catch (System.Xml.XmlException e)
            {
                throw new InvalidDataException($"{path} is not an MSBuild property file: {e.Message}", e);
            }
        }

        /// <summary>The value of setting <paramref name="name"/>, or <paramref name="fallback"/> when it is empty or missing.</summary>
        public string Get(string name, string fallback)
        {
            string value = _document.Descendants().FirstOrDefault(element => element.Name.LocalName == name)?.Value.Trim();
            return string.IsNullOrEmpty(value) ? fallback : value;
        }

        /// <summary>An integer setting; throws, naming it, when it is not a number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
        public int GetInt(string name, int fallback, int min, int max)
        {
            string text = Get(name, fallback.ToString());
            if (!int.TryParse(text, out int value) || value < min || value > max)
                throw new InvalidDataException($"Cosmos.config: {name} must be a whole number from {min} to {max}, not '{text}'.");
            return value;
        }
    }
}
