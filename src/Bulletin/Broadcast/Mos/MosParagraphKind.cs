namespace Bulletin.Broadcast.Mos;

public enum MosParagraphKind
{
    Read,
    Instruction,
    Package,
}
