"""train.target with a teacher: distillation trains towards a trained model's own output (its dead zone off), mixed
with the real photo by --teacher-weight; without a teacher the target is the real photo."""
import torch

from training import checkpoints, hdnet, train

from helpers import randomised_lite, sample


def saved(model, name, tmp_path):
    """The path of a checkpoint holding model as the named variant."""
    path = str(tmp_path / f"{name}.pt")
    checkpoints.save({"model": model.state_dict(), "step": 0, "images_seen": 0, "wall_s": 0.0,
                      "args": {"model": name}}, path)
    return path


def test_without_teacher_the_target_is_the_real_photo():
    comp, mask = sample()
    real = torch.rand_like(comp)
    assert train.target(None, 1.0, comp, mask, real, torch.tensor([3])) is real


def test_the_teacher_target_is_its_output_and_mixes_with_the_real_photo(tmp_path):
    model = randomised_lite()
    teacher = train.load_teacher(saved(model, "hdnet-lite", tmp_path), torch.device("cpu"))
    assert not teacher.training and not any(p.requires_grad for p in teacher.parameters())
    comp, mask = sample()
    real = torch.rand_like(comp)
    k = torch.tensor([3])
    with torch.no_grad():
        own = model(comp, mask, k)[0].clamp(0, 1)
    assert torch.allclose(train.target(teacher, 1.0, comp, mask, real, k), own, atol=1e-6)
    assert not torch.allclose(own, real, atol=1e-2)
    mixed = train.target(teacher, 0.25, comp, mask, real, k)
    assert torch.allclose(mixed, 0.25 * own + 0.75 * real, atol=1e-6)


def test_the_teachers_dead_zone_is_off(tmp_path):
    ct = hdnet.build("hdnet-ct")
    assert ct.dead_zone > 0
    assert train.load_teacher(saved(ct, "hdnet-ct", tmp_path), torch.device("cpu")).dead_zone == 0.0


def test_two_teacher_passes_harmonize_the_teachers_own_result_again(tmp_path):
    model = randomised_lite()
    teacher = train.load_teacher(saved(model, "hdnet-lite", tmp_path), torch.device("cpu"))
    comp, mask = sample()
    real = torch.rand_like(comp)
    k = torch.tensor([3])
    with torch.no_grad():
        once = model(comp, mask, k)[0].clamp(0, 1)
        twice = model(once, mask, k)[0].clamp(0, 1)
    assert torch.allclose(train.target(teacher, 1.0, comp, mask, real, k, passes=2), twice, atol=1e-6)
    assert not torch.allclose(twice, once, atol=1e-3)
