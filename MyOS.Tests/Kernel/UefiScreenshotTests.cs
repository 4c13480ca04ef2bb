using System;
using System.IO;
using MyOS.Core.Console;
using MyOS.Tests.VirtualMachines;
using Xunit;
using Xunit.Abstractions;

namespace MyOS.Tests.Kernel
{
    /// <summary>
    /// The framebuffer console under UEFI, seen as a user sees it: QEMU's `screendump` after
    /// `memmap` shows the kernel's own text (the banner drawn glyph by glyph in the console font,
    /// not GRUB's) and memmap's colour bar. The picture is also kept as a PNG in TestResults.
    /// </summary>
    [Collection(VirtualMachineCollection.Name)]
    [Trait(TestTraits.Category, TestTraits.VirtualMachine)]
    public sealed class UefiScreenshotTests
    {
        private const uint LightGray = 0xAAAAAA, Black = 0x000000, LightGreen = 0x55FF55, Yellow = 0xFFFF55;
        private readonly Action<string> _log;

        public UefiScreenshotTests(ITestOutputHelper output) => _log = output.WriteLine;

        [Fact]
        public void ScreenAfterMemmap_ShowsTheKernelsTextInTheConsoleFontAndTheColourBar()
        {
            using VirtualMachine vm = VirtualMachine.Start(new VirtualMachineOptions
            {
                Kind = VirtualMachineKind.Qemu,
                Firmware = Firmware.Uefi,
                EnableQemuMonitor = true,
                Deadline = TimeSpan.FromSeconds(120),
                Log = _log,
            });
            BootResult boot = vm.WaitForBoot(TimeSpan.FromSeconds(60));
            vm.Serial.RunCommand("memmap", TimeSpan.FromSeconds(20));

            string ppm = Path.Combine(vm.WorkDirectory, "screen.ppm");
            string png = Path.Combine(RepositoryLocator.Root, "MyOS.Tests", "TestResults", "uefi-memmap.png");
            Directory.CreateDirectory(Path.GetDirectoryName(png));
            using (var monitor = new QemuMonitor((QemuMachine)vm))
            {
                monitor.Run($"screendump {ppm}", TimeSpan.FromSeconds(20));
                monitor.Run($"screendump {png} -f png", TimeSpan.FromSeconds(20));
            }
            PpmImage screen = PpmImage.Read(ppm);
            _log($"screendump: {screen.Width}x{screen.Height}, PNG kept at {png}");

            // The kernel's header asks GRUB for 1024x768 and the console draws from the top left.
            Assert.Equal(1024, screen.Width);
            Assert.Equal(768, screen.Height);
            string banner = boot.BannerLine.Trim();
            banner = banner.Substring(0, Math.Min(banner.Length, 40));
            var font = ConsoleFontData.Glyphs.ToArray();
            for (int i = 0; i < banner.Length; i++)
            {
                for (int y = 0; y < ConsoleFontData.Height; y++)
                {
                    for (int x = 0; x < ConsoleFontData.Width; x++)
                    {
                        bool set = (font[banner[i] * ConsoleFontData.Height + y] & (0x80 >> x)) != 0;
                        uint expected = set ? LightGray : Black;
                        Assert.True(screen.Pixel(i * ConsoleFontData.Width + x, y) == expected,
                            $"pixel ({i * ConsoleFontData.Width + x}, {y}) of '{banner[i]}' in the banner is 0x{screen.Pixel(i * ConsoleFontData.Width + x, y):X6}, expected 0x{expected:X6}");
                    }
                }
            }

            // memmap's bar: free RAM in light green and the kernel in yellow, colours GRUB never draws.
            int green = 0, yellow = 0;
            for (int y = 0; y < screen.Height; y++)
            {
                for (int x = 0; x < screen.Width; x++)
                {
                    uint pixel = screen.Pixel(x, y);
                    green += pixel == LightGreen ? 1 : 0;
                    yellow += pixel == Yellow ? 1 : 0;
                }
            }

            Assert.True(green > 100 && yellow > 10, $"the colour bar is missing: {green} light green and {yellow} yellow pixels");
        }
    }
}
